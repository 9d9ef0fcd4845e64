print('mod_a: executing')
VALUE = 'value from mod_a'
_private = 'private value'
def func(x):
    return 'mod_a.func(%r)' % (x,)
class Klass:
    def hello(self):
        return 'hello from mod_a.Klass'
counter = 0
def bump():
    global counter
    counter += 1
    return counter
