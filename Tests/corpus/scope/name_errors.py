# NameError and UnboundLocalError (caught as NameError)
try:
    print(never_defined)
except NameError:
    print('caught NameError global')
def f():
    try:
        return undefined_in_f
    except NameError:
        return 'caught NameError in function'
print(f())
count = 10
def unbound():
    try:
        count += 1
    except NameError:
        return 'caught NameError (unbound local)'
    return count
print(unbound())
def unbound_read():
    try:
        print(value)
    except NameError:
        print('caught NameError before assignment')
    value = 5
    return value
print(unbound_read())
def deleted():
    v = 1
    del v
    try:
        return v
    except NameError:
        return 'caught NameError after del'
print(deleted())
def closure_unbound():
    def inner():
        try:
            return later
        except NameError:
            return 'caught NameError free var not yet bound'
    r = inner()
    later = 'now bound'
    return r, inner()
print(closure_unbound())
try:
    del not_there
except NameError:
    print('caught NameError on del')
def conditional(flag):
    if flag:
        x = 1
    try:
        return x
    except NameError:
        return 'caught NameError conditional'
print(conditional(True), conditional(False))
