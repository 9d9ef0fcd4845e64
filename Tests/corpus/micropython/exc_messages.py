# messages of some built-in exceptions as MicroPython prints them
for f in (lambda: 1 // 0, lambda: 5 % 0, lambda: 1 / 0, lambda: 1.5 / 0):
    try:
        f()
    except ZeroDivisionError as e:
        print(e)
try:
    undefined_thing
except NameError as e:
    print(e)
