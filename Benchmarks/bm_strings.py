# bm_strings: building, splitting, joining, replacing, searching, concatenating and slicing str.
import sys

EXPECTED = 63812246


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()


def work(n):
    check = 0
    nw = len(WORDS)
    for i in range(n):
        parts = []
        for j in range(16):
            parts.append(WORDS[(i + j * 5) % nw] + str(j))
        line = " ".join(parts)
        line2 = line.replace("a", "A").replace("etA", "ETA")
        fields = line2.split(" ")
        check += len(fields) + line2.find("ETA") + line2.count("A")
        check += line.rfind("beta") + line.find("zzz")
        s = ""
        for f in fields[:10]:
            s += f[1:3] + "-"
        check += len(s) + ord(s[len(s) // 2])
        up = line.upper()
        if up.startswith("ALPHA"):
            check += 1
        if line.endswith("15"):
            check += 2
        mid = line[7:29]
        check += len(mid.strip()) + ord(mid[-1])
        head, tail = line[: len(line) // 2], line[len(line) // 2 :]
        check += len(tail + head) - len(line)
        csv = ",".join([str(k * i % 97) for k in range(12)])
        nums = [int(x) for x in csv.split(",")]
        check += sum(nums)
        label = "%s:%d/%x" % (WORDS[i % nw], i, i * 7)
        label2 = "{}|{}".format(label, len(label))
        check += len(label2) + int(label2.split("|")[1])
        words = line.lower().split()
        words.sort()
        check += ord(words[0][0]) + ord(words[-1][-1])
        if "gamma" in line:
            check += 3
        check += len(" <x> ".join(words).replace(" <x> ", ""))
        check &= 0xFFFFFFF
    return check


result = work(max(1, int(55000 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
