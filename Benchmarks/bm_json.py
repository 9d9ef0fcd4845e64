# bm_json: json.dumps and json.loads round trips of nested records (dicts, lists, strings with
# escapes, ints, bools, None), dump to and load from a stream, and a checksum of what comes back.
import sys
import json

try:
    import io
except ImportError:
    io = None

EXPECTED = 68637892


def get_scale():
    try:
        return float(sys.argv[1])
    except Exception:
        return 1.0


SCALE = get_scale()

NAMES = ["sensor", "motor", "led", "switch", "uart", "i2c", "spi", "adc"]


def make_record(i):
    return {
        "id": i,
        "name": NAMES[i % len(NAMES)] + str(i),
        "enabled": i % 3 != 0,
        "reading": (i * 37) % 1000 - 500,
        "scale": 0.5 if i % 2 else 0.25,
        "tags": [NAMES[(i + k) % len(NAMES)] for k in range(i % 4)],
        "note": 'line "%d"\n\tend\\' % i if i % 5 == 0 else None,
        "pos": {"x": i % 17, "y": i % 23, "z": [i, -i, i * i % 97]},
    }


def checksum(v, acc):
    if isinstance(v, dict):
        for k in v:
            acc = checksum(v[k], (acc * 31 + len(k)) & 0xFFFFFFF)
    elif isinstance(v, list):
        for x in v:
            acc = checksum(x, (acc * 7 + 1) & 0xFFFFFFF)
    elif isinstance(v, str):
        acc = (acc * 131 + len(v) + ord(v[0]) if v else acc) & 0xFFFFFFF
    elif v is None:
        acc = (acc + 3) & 0xFFFFFFF
    elif isinstance(v, bool):
        acc = (acc + (5 if v else 11)) & 0xFFFFFFF
    elif isinstance(v, float):
        acc = (acc + int(v * 1000)) & 0xFFFFFFF
    else:
        acc = (acc * 3 + v) & 0xFFFFFFF
    return acc


def work(rounds):
    check = 0
    records = [make_record(i) for i in range(60)]
    for r in range(rounds):
        text = json.dumps(records[r % 20 : r % 20 + 40])
        back = json.loads(text)
        check = checksum(back, check)
        check = (check + len(text)) & 0xFFFFFFF
        one = json.loads(json.dumps(records[r % 60]))
        check = (check + one["reading"] + len(one["tags"])) & 0xFFFFFFF
        if io is not None and r % 10 == 0:
            s = io.StringIO()
            json.dump({"round": r, "data": records[:10]}, s)
            s.seek(0)
            d = json.load(s)
            check = (check + d["round"] + len(d["data"])) & 0xFFFFFFF
    return check


result = work(max(1, int(400 * SCALE)))
print(result)
if SCALE == 1.0:
    assert result == EXPECTED
print("OK")
