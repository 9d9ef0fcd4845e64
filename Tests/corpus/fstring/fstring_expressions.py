# expressions inside f-strings
items = ['apple', 'banana', 'cherry']
prices = {'apple': 1.5, 'banana': 0.25, 'cherry': 3.0}
print(f'{len(items)} items')
print(f'{", ".join(items)}')
print(f'{items[0].upper()} {items[-1][::-1]}')
print(f'{sum(prices.values()):.2f}')
print(f'{max(items, key=len)}')
print(f'{sorted(prices)[1]}')
print(f'{"yes" if "apple" in prices else "no"}')
print(f'{[p * 2 for p in sorted(prices.values())]}')
print(f'{sum(x * x for x in range(4))}')
print(f'{(lambda a, b: a * b)(6, 7)}')
n = 7
print(f'{n} squared is {n ** 2}, cubed is {n ** 3}')
print(f'{n % 2 == 1}')
print(f'{f"{n}"}')
print(f'{"inner " + f"{n * 2}"}')
class P:
    def __init__(self):
        self.x = 3
        self.y = 4
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = P()
print(f'P({p.x}, {p.y}) norm2={p.norm2()}')
print(f'{p.x + p.y}')
print(f'{divmod(17, 5)}')
print(f'{"a" * 3}{"-" * 2}')
print(f'{str(1) + str(2)}')
print(f'{int("12") + 1}')
print(f'{not True} {None is None}')
print(f'{[1, 2][1]}{(3, 4)[0]}')
print(f'{ n }')
for i in range(3):
    print(f'row {i}: {"#" * i}{"." * (3 - i)}')
