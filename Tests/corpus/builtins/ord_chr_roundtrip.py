# ord/chr round trips over ranges of code points
ok = True
for cp in list(range(0, 128)) + [0xA0, 0xFF, 0x100, 0x7FF, 0x800, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF]:
    if ord(chr(cp)) != cp:
        ok = False
print(ok)
print(len(''.join(chr(c) for c in range(32, 127))))
print(''.join(chr(c) for c in range(33, 48)))
print(''.join(chr(c) for c in range(48, 58)))
print(''.join(chr(c) for c in range(97, 123)))
for s in ('A', 'é', 'ß', 'Ω', '€', '中', '😀'):
    cp = ord(s)
    print(s, cp, hex(cp), len(s.encode('utf-8')), chr(cp) == s)
print([chr(c) for c in (72, 105)])
print(sum(ord(c) for c in 'abc'))
print(max('héllo', key=ord), min('héllo', key=ord))
print(sorted('cæb', key=ord))
print(ord('\n'), ord('\t'), ord(' '))
print(chr(ord('a') - 32) == 'A')
table = {c: ord(c) for c in 'xyz'}
print(table)
print({v: k for k, v in table.items()})
print(''.join(chr(ord(c) ^ 32) for c in 'Hello'))
