# slicing syntax across sequence types (step 1 on str/bytes, any step on list/tuple)
seqs = [list(range(8)), tuple(range(8)), 'abcdefgh', b'ABCDEFGH', bytearray(b'01234567'), range(8)]
for seq in seqs:
    print(type(seq).__name__, seq[2:5], seq[:2], seq[-2:], seq[5:1])
for seq in (list(range(8)), tuple(range(8)), range(8)):
    print(seq[::2], seq[::-1], seq[1:7:3], seq[6:1:-2])
bounds = [(None, None), (0, 3), (-3, None), (None, -3), (2, -2), (-100, 100), (5, 2)]
s = 'abcdefgh'
for a, b in bounds:
    print(a, b, repr(s[a:b]), list(range(8))[a:b])
for seq in seqs:
    print(type(seq).__name__, len(seq[1:-1]), seq[1:-1] == seq[1:7])
