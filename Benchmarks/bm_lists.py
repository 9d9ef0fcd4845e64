# bm_lists: list-heavy work -- append/pop/insert/index/sort/slicing/comprehensions.
import sys

EXPECTED = 185420648


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()


def work(rounds):
    check = 0
    seed = 7
    for r in range(rounds):
        data = []
        for i in range(200):
            seed = (seed * 75 + 74) % 65537
            data.append(seed % 1000)
        s = sorted(data)
        data.sort(reverse=True)
        check += s[0] + s[-1] + s[len(s) // 2] + data[10]
        evens = [x for x in s if x % 2 == 0]
        sq = [x * x for x in evens[:50]]
        check += sum(sq) % 1000 + len(evens)
        check += data.index(s[100])
        pairs = [(x % 10, x) for x in data[:60]]
        pairs.sort(key=lambda p: (p[1] // 100, p[0], p[1]))
        check += pairs[0][1] + pairs[-1][1]
        stack = []
        for x in data[:80]:
            if x % 3 == 0 and stack:
                check += stack.pop()
            else:
                stack.append(x)
        check += len(stack)
        queue = list(range(50))
        while len(queue) > 1:
            a = queue.pop(0)
            b = queue.pop(0)
            queue.append((a + b) % 101)
        check += queue[0]
        work_list = data[10:60]
        work_list.insert(0, -1)
        work_list.insert(len(work_list) // 2, -2)
        work_list[5:10] = [1, 2, 3]
        del work_list[3:8]
        work_list.extend(data[-5:])
        work_list.reverse()
        check += work_list[0] + work_list[-1] + len(work_list) + work_list.count(3)
        if 999 in work_list:
            work_list.remove(999)
        stepped = data[::3]
        back = data[::-2]
        check += stepped[1] + back[1] + len(stepped) + len(back)
        grid = [[(i * j + r) % 13 for j in range(12)] for i in range(12)]
        cols = [sum([row[j] for row in grid]) for j in range(12)]
        check += max(cols) - min(cols) + grid[5][7]
        flat = [v for row in grid for v in row if v > 6]
        check += len(flat)
        copy = data[:]
        copy[0] = -5
        check += data[0] - copy[0]
        check += len(data + s) + len([0] * 7)
        check &= 0xFFFFFFF
    return check


result = work(max(1, int(6500 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
