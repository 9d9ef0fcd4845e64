# bm_dicts: dict-heavy work -- word counting, dict of lists, membership, get/setdefault,
# int and str keys, deletion and iteration (order-independent checksums only).
import sys

EXPECTED = 7648993


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()

SYL = ["ka", "ri", "to", "ma", "ne", "su", "lo", "pi", "da", "ve", "xo", "bu"]


def make_words(n, seed):
    words = []
    for i in range(n):
        seed = (seed * 75 + 74) % 65537
        k = 1 + seed % 3
        w = ""
        x = seed
        for j in range(k):
            w += SYL[x % len(SYL)]
            x //= len(SYL)
        words.append(w)
    return words, seed


def work(rounds):
    check = 0
    seed = 42
    for r in range(rounds):
        words, seed = make_words(400, seed)
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        groups = {}
        for w in counts:
            groups.setdefault(len(w), []).append(w)
        for k in sorted(groups):
            lst = groups[k]
            lst.sort()
            check += k * len(lst) + ord(lst[0][0]) + ord(lst[-1][1])
        best = 0
        for w, c in counts.items():
            if c > best:
                best = c
        check += best + len(counts)
        squares = {}
        for i in range(300):
            squares[(i * 7 + r) % 1009] = i * i
        hits = 0
        for k in range(0, 1009, 3):
            if k in squares:
                hits += 1
        check += hits
        for k in list(squares.keys()):
            if k % 4 == 0:
                del squares[k]
        check += len(squares) + sum(squares.values()) % 1000
        index = {}
        for i, w in enumerate(words):
            if w in index:
                index[w].append(i)
            else:
                index[w] = [i]
        check += sum([len(v) for v in index.values()])
        merged = dict(counts)
        merged.update({"ka": 100, "zz": 5})
        check += merged["ka"] + merged.get("zz", 0) + merged.get("none", 7)
        if "ri" in merged:
            check += merged.pop("ri")
        inv = {}
        for w, c in counts.items():
            inv[c] = inv.get(c, 0) + 1
        for c in sorted(inv):
            check += c * inv[c]
        nested = {}
        for i in range(100):
            nested[i] = {"a": i, "b": str(i)}
        for i in range(0, 100, 7):
            check += nested[i]["a"] + len(nested[i]["b"])
        check &= 0xFFFFFFF
    return check


result = work(max(1, int(1800 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
