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
