# Wrong pin names, modes, pulls and LED numbers end in the exceptions the stm32 port raises.
import pyb, machine
from pyb import Pin, LED


def attempt(what, f):
    try:
        f()
        print(what, "accepted")
    except Exception as e:
        print(what, type(e).__name__, e)


attempt("Pin('X99')", lambda: Pin("X99"))
attempt("Pin('')", lambda: Pin(""))
attempt("Pin('x1')", lambda: Pin("x1"))
attempt("Pin(123)", lambda: Pin(123))
attempt("Pin(None)", lambda: Pin(None))
attempt("machine.Pin('Q5')", lambda: machine.Pin("Q5"))
attempt("mode 99", lambda: Pin("X1", 99))
attempt("mode -1", lambda: Pin("X1", -1))
attempt("mode 'out'", lambda: Pin("X1", "out"))
attempt("pull 7", lambda: Pin("X1", Pin.IN, 7))
attempt("pull 'up'", lambda: Pin("X1", Pin.IN, pull="up"))
attempt("af 99", lambda: Pin("X1", Pin.ALT, af=99))
attempt("init mode 42", lambda: Pin("X2").init(42))
attempt("LED(0)", lambda: LED(0))
attempt("LED(5)", lambda: LED(5))
attempt("LED(-1)", lambda: LED(-1))
attempt("LED('1')", lambda: LED("1"))
attempt("LED(1.5)", lambda: LED(1.5))
attempt("LED()", lambda: LED())
attempt("LED(1).intensity(50)", lambda: LED(1).intensity(50))
# the board still works after all that
LED(1).on()
print(Pin("LED_RED").value())
