# global declarations
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter, inc())
def set_new():
    global brand_new
    brand_new = 'created'
set_new()
print(brand_new)
x = 'global x'
def read_only():
    return x
def shadow():
    x = 'local x'
    return x
print(read_only(), shadow(), x)
def multi():
    global a1, a2
    a1, a2 = 1, 2
multi()
print(a1, a2)
def nested():
    def inner():
        global counter
        counter = 100
    inner()
    return counter
print(nested(), counter)
def loop_global():
    global total
    total = 0
    for i in range(5):
        total += i
loop_global()
print(total)
def del_global():
    global to_delete
    del to_delete
to_delete = 1
del_global()
print('to_delete' in globals())
class K:
    global from_class
    from_class = 'set in class body'
print(from_class)
def uses_global_in_comp():
    return [counter + i for i in range(3)]
print(uses_global_in_comp())
def gl():
    global g_list
    g_list.append(len(g_list))
g_list = []
gl(); gl(); gl()
print(g_list)
print(globals()['counter'])
globals()['via_dict'] = 5
print(via_dict)
