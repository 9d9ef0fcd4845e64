# bytes.hex(sep, -2**63): abs() of the group size overflowed. Fuzz seed 91, input 338878.
d = b"abc"
print(d.hex("-", -2**63), d.hex("-", 2**63 - 1), d.hex("-", -2), bytearray(d).hex(":", -2**63))
