# miscompile-call-256-args: not a crash: calls with >= 256 positional or keyword arguments miscompile (TypeError: 'int' object isn't callable); expected (256, 0) and (0, 256), or a SyntaxError
# top frames (HEAD 172865e): compiler: argument count encoded in 8 bits
# status at HEAD 406d2e6: STILL WRONG
def f(*a, **k):
    return len(a), len(k)
print(eval('f(' + '1, ' * 256 + ')'))
print(eval('f(' + ', '.join('k%d=1' % i for i in range(256)) + ')'))
