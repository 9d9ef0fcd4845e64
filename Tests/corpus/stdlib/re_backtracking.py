# catastrophic backtracking ends with RuntimeError instead of hanging; deep matches need no
# native recursion
import re

try:
    re.match("(a|aa)*b", "a" * 80)
    print("matched?")
except RuntimeError:
    print("RuntimeError")

# the engine is still usable afterwards
print(re.match("(a|aa)*b", "aaab").group(0))

# long subjects: no recursion limit for simple loops
s = "ab" * 20000
print(len(re.match("(ab)*", s).group(0)))
print(len(re.match(".*", s).group(0)))
print(re.search("b(a)b$", s).span())
print(len(re.sub("a", "", s)))
print(len(re.split("b", s)))
# nested loops whose body can match the empty string terminate
print(re.match("(a*)*b", "aab").groups())
print(re.match("(a?)+?b", "ab").group(0))
print(re.match("(|a)+b", "aab").group(0))
