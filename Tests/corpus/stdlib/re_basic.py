# re: patterns and results where MicroPython's dialect agrees with CPython
import re

def m(p, s):
    r = re.match(p, s)
    print(repr(p), repr(s), None if r is None else r.group(0))

def se(p, s):
    r = re.search(p, s)
    print(repr(p), repr(s), None if r is None else (r.group(0), r.span()))

m(".+", "abc")
m("a.c", "abc")
m("a.c", "ac")
m("ab*", "abbbc")
m("ab+", "ac")
m("ab?c", "abc")
m("ab?c", "ac")
m("a*?b", "aaab")
m("a+?", "aaa")
m("a??b", "ab")
m("a|b|c", "c")
m("ab|cd", "cdx")
m("(ab)+", "ababx")
m("(?:ab)+c", "ababc")
m("[abc]+", "cabbage")
m("[a-z]+", "hello World")
m("[^0-9]+", "abc123")
m("[-a]+", "-a-b")
m("[a-]+", "a--b")
m(r"[a\-z]+", "a-z-b")
m(r"[\]a]+", "]a]b")
m(r"\d+", "12345abc")
m(r"\D+", "abc123")
m(r"\w+", "hello_world1 x")
m(r"\W+", "!@# x")
m(r"\s+", " \t\n x")
m(r"\S+", "abc def")
m(r"[\d\s]+", "1 2 3x")
m(r"[^\s]+", "word rest")
m(r"a\.c", "a.c")
m(r"a\.c", "abc")
m(r"\(\)", "()")
m(r"\\", "\\")
m("^abc$", "abc")
m("^abc$", "abcd")
m("x*", "yyy")
m("", "abc")
se("o+", "foobar")
se("w.r", "hello world")
se("^b|b$", "abc")
se("c$", "abc")
se("[0-9]+", "abc 123 def 456")
se("z", "abc")
se("", "abc")

# counted repetition
m(r"\d{3}", "12345")
m(r"\d{2,4}", "12345")
m(r"\d{2,}", "12345x")
m(r"a{,2}", "aaaa")
m(r"a{2}b", "aaab")
m(r"a{1,3}?", "aaa")
m(r"(ab){2}", "ababab")
m(r"x{2}", "x")

# groups
r = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(r.group(0), r.group(1), r.group(2), r.group(1, 2), r.groups())
print(r.span(), r.span(1), r.span(2), r.start(2), r.end(2), r.start(), r.end())
r = re.match("(a)|(b)", "b")
print(r.groups(), r.group(1), r.span(1), r.start(1), r.end(2))
r = re.match("(a)(b)?", "a")
print(r.groups(), r.groups("dflt"))
r = re.match("((a)(b))(c)", "abc")
print(r.groups())
r = re.match("(a*)*", "aaa")
print(r.group(0), r.groups())
r = re.match("(a|ab)(c|bcd)(d*)", "abcd")
print(r.groups())
r = re.search(r"(\d+)-(\d+)", "tel: 555-1234.")
print(r.group(), r.groups(), r.span())
try:
    r.group(3)
except IndexError:
    print("IndexError")

# compiled objects, pos and endpos
p = re.compile(r"\d+")
print(p.match("abc123", 3).group(0))
print(p.search("12 34 56", 2).group(0))
print(p.search("12 34 56", 2, 4).group(0))
print(p.match("abc123", 0, 4))
print(re.compile("^a").search("ba", 1))
print(p.match("123").group(0), re.match(p, "456").group(0), re.search(p, "x789").group(0))

# bytes
print(re.match(rb"a+", b"aaab").group(0))
print(re.search(rb"\d+", b"ab12cd").span())
print(re.sub(rb"b", b"X", b"abcb"))
print(re.split(rb",", b"a,b,c"))

# unicode: positions are character indices
r = re.search("é+", "xxééy")
print(r.group(0), r.span())
print(re.match("...", "äöü!").group(0))
print(re.match("[à-ü]+", "éèx").group(0))
print(re.split(",", "α,β,γ"))

# sub
print(re.sub("a", "b", "banana"))
print(re.sub("a", "b", "banana", 2))
print(re.sub("x", "y", "banana"))
print(re.sub(r"(\d+)", r"<\1>", "a1b22c333"))
print(re.sub(r"(\w)(\w)", r"\2\1", "abcdef"))
print(re.sub(r"(\w+)", r"\g<1>!", "hi there"))
print(re.sub(r"(?P<w>\w+)", r"[\g<w>]", "hi there"))
print(re.sub("a", lambda m: m.group(0).upper(), "banana"))
print(re.sub(r"\d", lambda m: str(int(m.group(0)) * 2), "a1b2c3"))
print(re.sub(r"\\", "/", "a\\b\\c"))
print(re.sub("b", r"\\", "abc"))
print(re.compile("o").sub("0", "foo boo"))
print(re.compile("o").sub("0", "foo boo", 1))

# split
print(re.split(",", "a,b,,c"))
print(re.split(r"[,;]\s*", "a, b;c,  d"))
print(re.split(",", "a,b,c,d", 2))
print(re.split("x", "abc"))
print(re.compile(r"\s+").split("a b  c\td"))
print(re.compile(r"\s+").split(" lead"))
print(re.split("(,)", "a,b"))

# named groups
r = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(r.group("first"), r.group("last"), r.group(1), r.groupdict())

# fullmatch
print(re.fullmatch("a|ab", "ab").group(0))
print(re.fullmatch("a+", "aab"))
print(re.compile(r"\d+").fullmatch("123").group(0))

# word boundaries
print(re.search(r"\bcat\b", "concat cat dog").span())
print(re.sub(r"\b(\w)", lambda m: m.group(1).upper(), "hello big world"))
