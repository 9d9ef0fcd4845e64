public_one = 1
public_two = 'two'
_hidden = 'hidden'
def public_func():
    return 'public_func called'
