# nonlocal in a class body with no enclosing function binding crashed the VM (SIGSEGV in
# Obj.setO under buildClass): it must be "no binding for nonlocal found". Fuzz seed 31, input
# 287531 (Tests/corpus/scope/class_nonlocal.py checks the behaviour against CPython).
class C:
 def _():v
class D(Exception):pass
i=0
class D():
    x=i
    try:nonlocal x
    except:''