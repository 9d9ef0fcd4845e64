# A group reference in a re.sub template with more digits than the word holds overflowed while
# being read; it is now an unknown group (IndexError).
import re
for t in (r"\99999999999999999999999", r"\g<99999999999999999999999>", r"\g<1>x", r"\1\1"):
    try:
        print(re.sub("(a)", t, "a"))
    except IndexError:
        print("IndexError")
