# basic f-strings
name = 'world'
n = 42
print(f'hello {name}')
print(f'{n}')
print(f'{n + 1} {n * 2} {n // 5}')
print(f'{name.upper()} {len(name)}')
print(f'{[1, 2, 3]} {(1,)} {None} {True}')
print(f'{"nested quotes"}')
print(f"{'single in double'}")
print(f'{n}{n}{n}')
print(f'')
print(f'no fields')
print(f'{{literal braces}}')
print(f'{{{n}}}')
print(f'{{}}{n}{{}}')
print(F'capital F {n}')
print(f'{n if n > 10 else 0}')
print(f'{[x * 2 for x in range(3)]}')
print(f'{ {"k": 1}["k"] }')
print(f'{(lambda: "lam")()}')
d = {'a': 1}
print(f"{d['a']}")
l = [10, 20]
print(f'{l[0]} {l[-1]} {l[0] + l[1]}')
print(f'{3.5} {1e3} {0.25}')
print(f'{"a" + "b"}')
print(f'multi {n} ' f'part {name}')
print(f'{n}' + ' plus ' + f'{name}')
x = 5
print(f'{x}*{x}={x * x}')
print(f'{-x} {+x} {~x} {not x}')
print(f'{x:3}|{x:<3}|{x:^3}|{x:>3}|')
print(f'{"tab"}\t{"newline"}')
print(f'''triple {n}
quoted''')
def g():
    return 'from function'
print(f'{g()}')
print(f'{g() + "!"}')
