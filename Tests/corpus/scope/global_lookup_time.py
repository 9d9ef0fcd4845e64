# module globals are looked up when functions run, not when defined
def early():
    return later_value
try:
    early()
except NameError:
    print('NameError before definition')
later_value = 'now defined'
print(early())
def redefine_target():
    return target()
def target():
    return 'first target'
print(redefine_target())
def target():
    return 'second target'
print(redefine_target())
counter = 0
def incr():
    global counter
    counter = counter + 1
for _ in range(4):
    incr()
print(counter)
def uses_module_list():
    registry.append(len(registry))
registry = []
uses_module_list()
uses_module_list()
print(registry)
registry = ['rebound']
uses_module_list()
print(registry)
