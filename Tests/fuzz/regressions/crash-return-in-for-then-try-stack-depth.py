# return inside a for loop left the compiler's stack depth one short for the code after the
# loop, so a later try handler had depth -1 (SIGILL in CodeGen.finish). Fuzz seed 31, input 159763.
def _():
    def _():(())
    for v in():return
    try:(())
    except:(()in'')
print(_())
def g():
    for v in (1, 2):
        return v
    try:
        return 0
    except:
        pass
print(g())
