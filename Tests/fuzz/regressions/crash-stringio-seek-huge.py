import io
for s in (io.StringIO("abc"), io.BytesIO(b"abc")):
    for off, wh in ((2**40, 0), (2**63-1, 1), (-2**63, 2), (5, 0)):
        try:
            print(s.seek(off, wh))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__)
