# nonlocal in a class body with no enclosing function binding crashed the VM (SIGSEGV in
# Obj.setO under buildClass): it must be "no binding for nonlocal found". Fuzz seed 31, input 287531.
def f():
    x = 0
    class D:
        nonlocal x
        x = 5
        y = x
    return x, D.y, hasattr(D, "x")
print(f())
for src in ("class D():\n    nonlocal x\n", "class D():\n    x=i\n    try:nonlocal x\n    except:pass\n"):
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError")
