# bm_re: regular expressions -- compile, match, search over log lines, groups, alternation,
# character classes, greedy and lazy repetition, sub with a template and with a function, split.
import sys
import re

EXPECTED = 689191


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]
WORDS = ["boot", "mount", "flash", "uart", "timer", "adc", "led", "sd"]


def make_lines(n):
    lines = []
    for i in range(n):
        lines.append(
            "2026-%02d-%02d %02d:%02d:%02d [%s] %s: value=%d id=0x%x path=/flash/%s/%d.py"
            % (1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, LEVELS[i % 4],
               WORDS[i % 8], (i * 37) % 1000 - 500, i * 2654435761 % 65536, WORDS[(i * 3) % 8], i)
        )
    return lines


def work(rounds):
    line_re = re.compile(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+) \[(\w+)\] (\w+): value=(-?\d+)")
    hex_re = re.compile(r"id=0x([0-9a-f]+)")
    path_re = re.compile(r"path=(/\w+)+?/(\d+)\.py$")
    err_re = re.compile(r"\[(ERROR|WARN)\]")
    ws_re = re.compile(r"\s+")
    lines = make_lines(200)
    check = 0
    for r in range(rounds):
        for line in lines:
            m = line_re.match(line)
            if m:
                check += int(m.group(2)) + int(m.group(9)) + len(m.group(7)) + m.end(8)
            h = hex_re.search(line)
            if h:
                check += int(h.group(1), 16) & 0xFF
            p = path_re.search(line)
            if p:
                check += int(p.group(2)) + len(p.group(1))
            if err_re.search(line):
                check += 3
            check &= 0xFFFFFFF
        text = " ".join(lines[r % 50 : r % 50 + 20])
        check += len(re.sub(r"value=(-?\d+)", r"v<\1>", text))
        check += len(re.sub(r"\d+", lambda m: str(len(m.group(0))), text))
        check += len(ws_re.split(text))
        check += len(re.split(r"[:=/]", lines[r % 200]))
        check &= 0xFFFFFFF
    return check


result = work(max(1, int(12 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
