# re behaviour of MicroPython's dialect (differs from CPython)
import re

# '.' also matches a newline
print(re.match("a.b", "a\nb").group(0) == "a\nb")
# '$' matches only at the very end (not before a trailing newline)
print(re.search("abc$", "abc\n"))
print(re.search("abc$", "abc").group(0))
# sub() and split() stop at the first empty match
print(re.sub("x*", "-", "abc"))
print(re.sub("b*", "-", "abc"))
print(re.split("x*", "axbc"))
print(re.split(",*", "a,b"))
# sub() without a match returns the subject itself
s = "unchanged text"
print(re.sub("z", "y", s) is s)
# replacement escapes: \\ is a backslash, an unknown escape drops the backslash
print(re.sub("b", r"[\\]", "abc"))
print(re.sub("b", r"\q", "abc"))
# group numbers beyond the pattern's groups raise IndexError
try:
    re.sub("(b)", r"\2", "abc")
except IndexError as e:
    print("IndexError", e)
# printing match objects
print(re.match("(a)(b)?", "a"))
print(re.match("a", "a"))
# errors
for p in ["?", "*", "+", "a**", ")", "(", "[", "[a", "([)", r"[a\]", "a\\", "(?", "(?x)", "a{2}{3}", "[z-a]"]:
    try:
        re.compile(p)
        print("OK", repr(p))
    except ValueError as e:
        print("ValueError", repr(p), e)
try:
    re.compile(123)
except TypeError:
    print("TypeError")
try:
    re.match("a", 123)
except TypeError:
    print("TypeError")
# literal braces that are not a repetition
print(re.match("a{", "a{").group(0), re.match("a{x}", "a{x}").group(0), re.match("x{1,2", "x{1,2").group(0))
