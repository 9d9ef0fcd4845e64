# miscompile-set-display-65535-items: not a crash here, but the same 16-bit stack-size overflow as crash-dict-display-32768-pairs: TypeError: unhashable type: 'set' instead of printing 1
# top frames (HEAD 172865e): compiler: code object stack size
# status at HEAD 406d2e6: STILL WRONG
exec('x = {' + ', '.join(['1'] * 65535) + '}\nprint(len(x))')
