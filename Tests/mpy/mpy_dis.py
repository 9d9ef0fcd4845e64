#!/usr/bin/env python3
"""Prints the contents of a .mpy file (version 6): qstrs, constants and each raw code's
prelude and bytecode. A debugging aid for the .mpy loader; `python3 mpy_dis.py FILE.mpy`."""
import sys

STATIC = None  # filled lazily from Sources/MicroPythonCore/MpyStaticQstrs.swift


def static_qstrs():
    global STATIC
    if STATIC is None:
        import os, re
        here = os.path.dirname(os.path.abspath(__file__))
        src = open(os.path.join(here, "../../Sources/MicroPythonCore/MpyStaticQstrs.swift")).read()
        body = src[src.index("["):src.rindex("]")]
        STATIC = [bytes(s, "utf8").decode("unicode_escape") for s in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]
    return STATIC


NAMES = {
    0x10: "LOAD_CONST_STRING", 0x11: "LOAD_NAME", 0x12: "LOAD_GLOBAL", 0x13: "LOAD_ATTR", 0x14: "LOAD_METHOD",
    0x15: "LOAD_SUPER_METHOD", 0x16: "STORE_NAME", 0x17: "STORE_GLOBAL", 0x18: "STORE_ATTR", 0x19: "DELETE_NAME",
    0x1a: "DELETE_GLOBAL", 0x1b: "IMPORT_NAME", 0x1c: "IMPORT_FROM",
    0x20: "MAKE_CLOSURE", 0x21: "MAKE_CLOSURE_DEFARGS", 0x22: "LOAD_CONST_SMALL_INT", 0x23: "LOAD_CONST_OBJ",
    0x24: "LOAD_FAST_N", 0x25: "LOAD_DEREF", 0x26: "STORE_FAST_N", 0x27: "STORE_DEREF", 0x28: "DELETE_FAST",
    0x29: "DELETE_DEREF", 0x2a: "BUILD_TUPLE", 0x2b: "BUILD_LIST", 0x2c: "BUILD_MAP", 0x2d: "BUILD_SET",
    0x2e: "BUILD_SLICE", 0x2f: "STORE_COMP", 0x30: "UNPACK_SEQUENCE", 0x31: "UNPACK_EX", 0x32: "MAKE_FUNCTION",
    0x33: "MAKE_FUNCTION_DEFARGS", 0x34: "CALL_FUNCTION", 0x35: "CALL_FUNCTION_VAR_KW", 0x36: "CALL_METHOD",
    0x37: "CALL_METHOD_VAR_KW", 0x40: "UNWIND_JUMP", 0x42: "JUMP", 0x43: "POP_JUMP_IF_TRUE",
    0x44: "POP_JUMP_IF_FALSE", 0x45: "JUMP_IF_TRUE_OR_POP", 0x46: "JUMP_IF_FALSE_OR_POP", 0x47: "SETUP_WITH",
    0x48: "SETUP_EXCEPT", 0x49: "SETUP_FINALLY", 0x4a: "POP_EXCEPT_JUMP", 0x4b: "FOR_ITER",
    0x50: "LOAD_CONST_FALSE", 0x51: "LOAD_CONST_NONE", 0x52: "LOAD_CONST_TRUE", 0x53: "LOAD_NULL",
    0x54: "LOAD_BUILD_CLASS", 0x55: "LOAD_SUBSCR", 0x56: "STORE_SUBSCR", 0x57: "DUP_TOP", 0x58: "DUP_TOP_TWO",
    0x59: "POP_TOP", 0x5a: "ROT_TWO", 0x5b: "ROT_THREE", 0x5c: "WITH_CLEANUP", 0x5d: "END_FINALLY",
    0x5e: "GET_ITER", 0x5f: "GET_ITER_STACK", 0x62: "STORE_MAP", 0x63: "RETURN_VALUE", 0x64: "RAISE_LAST",
    0x65: "RAISE_OBJ", 0x66: "RAISE_FROM", 0x67: "YIELD_VALUE", 0x68: "YIELD_FROM", 0x69: "IMPORT_STAR",
}
SIGNED_OFFSET = (0x40, 0x42, 0x43, 0x44)


class R:
    def __init__(self, b, pos=0):
        self.b, self.pos = b, pos

    def byte(self):
        v = self.b[self.pos]
        self.pos += 1
        return v

    def uint(self):
        v = 0
        while True:
            c = self.byte()
            v = (v << 7) | (c & 0x7F)
            if not c & 0x80:
                return v

    def bytes(self, n):
        v = self.b[self.pos:self.pos + n]
        self.pos += n
        return v


def read_obj(r):
    t = r.byte()
    if t in (1, 2, 3, 4):
        return [None, None, False, True, Ellipsis][t]
    if t == 10:
        return tuple(read_obj(r) for _ in range(r.uint()))
    n = r.uint()
    data = r.bytes(n)
    if t in (5, 6):
        r.byte()
    return {5: lambda d: d.decode(), 6: bytes, 7: lambda d: int(d), 8: lambda d: float(d),
            9: lambda d: complex(d.decode())}[t](data)


def decode(bc, ip):
    op = bc[ip]
    start = ip
    fmt = (0x3A4 >> (2 * (op >> 4))) & 3
    ip += 1
    arg = None
    if fmt in (1, 2):
        arg = bc[ip] & 0x7F
        if op == 0x22 and arg & 0x40:
            arg -= 0x80
        while bc[ip] & 0x80:
            ip += 1
            arg = (arg << 7) | (bc[ip] & 0x7F)
        ip += 1
    elif fmt == 3:
        if bc[ip] & 0x80 == 0:
            arg = bc[ip]
            ip += 1
            if op in SIGNED_OFFSET:
                arg -= 0x40
        else:
            arg = (bc[ip] & 0x7F) | (bc[ip + 1] << 7)
            ip += 2
            if op in SIGNED_OFFSET:
                arg -= 0x4000
        arg += ip  # absolute target (extra byte of UNWIND_JUMP counts before the target base)
    extra = None
    if op & 0x9E == 0:
        extra = bc[ip]
        ip += 1
    return op, arg, extra, ip


def name_of(op):
    if 0x70 <= op < 0xB0:
        return "LOAD_CONST_SMALL_INT %d" % (op - 0x70 - 16)
    if 0xB0 <= op < 0xC0:
        return "LOAD_FAST %d" % (op - 0xB0)
    if 0xC0 <= op < 0xD0:
        return "STORE_FAST %d" % (op - 0xC0)
    if 0xD0 <= op < 0xD7:
        return "UNARY_OP %d" % (op - 0xD0)
    if 0xD7 <= op < 0xD7 + 35:
        return "BINARY_OP %d" % (op - 0xD7)
    return NAMES.get(op, "?%02x" % op)


def dis_raw(r, qstrs, objs, indent=""):
    kl = r.uint()
    kind, has_children, n = kl & 3, (kl >> 2) & 1, kl >> 3
    data = r.bytes(n)
    if kind != 0:
        print(indent + "native raw code kind", kind)
        return
    p = R(data)
    z = p.byte()
    S, E, F, A, K, D = (z >> 3) & 0xF, (z >> 2) & 1, 0, z & 3, 0, 0
    i = 0
    while z & 0x80:
        z = p.byte()
        S |= (z & 0x30) << (2 * i)
        E |= (z & 0x02) << i
        F |= ((z & 0x40) >> 6) << i
        A |= (z & 0x4) << i
        K |= ((z & 0x08) >> 3) << i
        D |= (z & 0x1) << i
        i += 1
    S += 1
    I = C = i = 0
    while True:
        z = p.byte()
        I |= ((z & 0x7E) >> 1) << (6 * i)
        C |= (z & 1) << i
        i += 1
        if not z & 0x80:
            break
    info = p.pos
    names = [qstrs[p.uint()] for _ in range(1 + A + K)]
    line_info = data[p.pos:info + I]
    cells = list(data[info + I:info + I + C])
    code0 = info + I + C
    print(indent + "code %r n_state=%d n_exc=%d flags=%#x pos=%d kwonly=%d defs=%d args=%r cells=%r" %
          (names[0], S, E, F, A, K, D, names[1:], cells))
    print(indent + "  lines:", line_info.hex())
    ip = code0
    while ip < len(data):
        op, arg, extra, nip = decode(data, ip)
        nm = name_of(op)
        fmt = (0x3A4 >> (2 * (op >> 4))) & 3
        s = ""
        if fmt == 1:
            s = repr(qstrs[arg])
        elif op == 0x23:
            s = repr(objs[arg])
        elif fmt == 3:
            s = "-> %d" % (arg - code0)
        elif arg is not None:
            s = str(arg)
        if extra is not None:
            s += " extra=%d" % extra
        print(indent + "  %4d %-22s %s" % (ip - code0, nm, s))
        ip = nip
    if has_children:
        for _ in range(r.uint()):
            dis_raw(r, qstrs, objs, indent + "    ")


def main(path):
    b = open(path, "rb").read()
    r = R(b, 4)
    print("header", b[:4].hex())
    nq, no = r.uint(), r.uint()
    qstrs = []
    for _ in range(nq):
        ln = r.uint()
        if ln & 1:
            qstrs.append(static_qstrs()[(ln >> 1) - 1])
        else:
            qstrs.append(r.bytes(ln >> 1).decode())
            r.byte()
    objs = [read_obj(r) for _ in range(no)]
    print("qstrs", qstrs)
    print("objs", objs)
    dis_raw(r, qstrs, objs)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
