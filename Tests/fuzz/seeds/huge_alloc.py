# huge allocations must raise MemoryError (or OverflowError), and the program goes on
tests = [
    "'x' * 10**9", "[0] * 10**9", "bytearray(10**10)", "2 ** (10**9)", "10 ** 10 ** 10",
    "b'x' * 10**9", "(1,) * 10**9", "[0] * 10**8", "list(range(10**9))", "1 << 10**10",
    "'ab'.center(10**9)", "'{:1000000000}'.format(1)", "'%*d' % (10**9, 1)", "' ' * (1 << 62)",
    "[None] * 2**62", "bytes(10**10)", "bytearray(2**31)", "'a' * (2**32 + 1)", "(10**1000).to_bytes(10**9, 'big')",
    "{}.fromkeys(range(10**7))", "[*range(10**9)]", "'x'.join(['a'] * 10**6)", "str(10**100000)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, 'ok', len(r) if hasattr(r, '__len__') else type(r).__name__)
    except (MemoryError, OverflowError, ValueError) as e:
        print(t, type(e).__name__)
x = [1] * 1000
print(len(x))
