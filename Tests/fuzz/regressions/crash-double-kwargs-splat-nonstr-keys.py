r=[1]
try:
    int.bit_length(r, **{1: 2}, **{1: 2})
except Exception as e:
    print(type(e).__name__, e)
