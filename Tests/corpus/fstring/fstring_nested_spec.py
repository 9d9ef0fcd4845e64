# nested replacement fields inside format specs
x = 3.14159
w = 10
p = 3
print(f'{x:{w}}|')
print(f'{x:{w}.{p}f}|')
print(f'{x:>{w}.{p}f}|')
print(f'{"s":{w}}|')
print(f'{42:{"<"}{w}}|')
for width in range(4, 8):
    print(f'[{"ab":^{width}}]')
for prec in range(4):
    print(f'{x:.{prec}f}')
fill = '*'
print(f'{"mid":{fill}^{w}}')
print('{:{}}|'.format('fmt', 6))
print('{:{}.{}f}|'.format(2.71828, 8, 2))
print('{0:{1}}|{0:{2}}|'.format('z', 3, 5))
