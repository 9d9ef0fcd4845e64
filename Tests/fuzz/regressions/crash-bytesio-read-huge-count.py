# BytesIO.read(n) with n near 2**63 overflowed pos + n (SIGILL), found through an asyncio
# StreamReader.readexactly mutation. Fuzz seed 71, input 360834.
import io
b = io.BytesIO(b'line one\nline two')
b.readline()
print(b.read(2**63 - 1), b.read(2**62))
s = io.StringIO('abc\u20acdef')
s.read(1)
print(s.read(2**63 - 1))
