import Testing
@testable import MicroPythonCore

// Unit tests of Qstr.swift (interning, hashes) and Map.swift (the ordered map behind dicts,
// globals, instance attributes): insertion order, deletion, growth with the hash index, and
// lookups that mix interned (qstr) and heap (non-interned) strings with equal text.

/// The qstr hash, written out independently: djb2 with xor, 30 bits, never 0.
private func referenceHash(_ s: String) -> UInt32 {
    var h: UInt32 = 5381
    for c in s.utf8 { h = (h &* 33) ^ UInt32(c) }
    h &= 0x3FFF_FFFF
    return h == 0 ? 1 : h
}

/// A str object on the heap that is not interned, whatever its text.
private func heapStr(_ s: String) -> Obj {
    let bytes = Array(s.utf8)
    let (o, d) = try! newStrBuffer(.str, bytes.count)
    for (i, b) in bytes.enumerated() { d[i] = b }
    return o
}

/// Keys of a map in iteration order.
private func orderedKeys(_ m: MapRef) -> [Obj] {
    var out: [Obj] = []
    var i = 0
    while let j = m.next(from: i) {
        out.append(m.key(j))
        i = j + 1
    }
    return out
}

extension InterpreterSuites {
@Suite struct QstrMapTests {

    // MARK: - qstrs

    @Test func interningReturnsTheSameQstrForTheSameText() {
        let r: (same: Bool, grewByOne: Bool, distinct: Bool, text: String, staticOK: Bool, emptyOK: Bool, unicode: String) = CoreHarness.run {
            let before = qstrs.count
            let a = intern("hb_interning_test_name")
            let b = intern("hb_interning_test_name")
            let grew = qstrs.count == before + 1
            let c = intern("hb_interning_test_name2")
            let staticOK = intern("__init__") == QID.__init__.rawValue && qobj("__init__") == qobj(.__init__)
            let emptyOK = intern("") == QID._empty.rawValue
            let u = intern("héllo→☃")
            return (a == b && qobj("hb_interning_test_name") == Obj(qstr: a), grew, a != c,
                    qstrString(a), staticOK, emptyOK, qstrString(u))
        }
        #expect(r.same)
        #expect(r.grewByOne, "interning the same text twice adds one qstr")
        #expect(r.distinct)
        #expect(r.text == "hb_interning_test_name")
        #expect(r.staticOK, "static qstrs keep their QID index")
        #expect(r.emptyOK)
        #expect(r.unicode == "héllo→☃")
    }

    @Test func newStrReturnsTheQstrWhenTheTextIsInterned() {
        let r: (interned: Bool, notInterned: Bool, long: Bool) = CoreHarness.run {
            _ = intern("hb_known_text")
            let known = try! newStr("hb_known_text")
            let unknown = try! newStr("hb_text_never_interned_\(UInt32.random(in: 0..<1_000_000))")
            let longText = try! newStr(String(repeating: "z", count: 200))
            return (known.isQstr && known == qobj("hb_known_text"), !unknown.isQstr && isStr(unknown),
                    !longText.isQstr && isStr(longText))
        }
        #expect(r.interned)
        #expect(r.notInterned)
        #expect(r.long)
        let out = CoreHarness.py("""
            c = ''.join(['q'] * 70)
            d = 'q' * 70
            print(c == d, hash(c) == hash(d), len(c), {c: 1}[d])
            """)
        #expect(out == "True True 70 1\n")
        // py/objstr.c mp_obj_new_str_from_vstr: a str built at run time whose text is already a
        // qstr *is* that qstr (so `is` holds and map lookups take the identity path)
        let identity = CoreHarness.py("""
            b = 'hbxyz'
            x = 'hb'
            print(x + 'xyz' is b, ''.join([x, 'xyz']) is b, '%sxyz' % x is b, (x + 'xyzq')[:-1] is b)
            """)
        #expect(identity == "True True True True\n")
    }

    @Test func hashesAreStableAndIndependentOfInterning() {
        let texts = ["", "a", "abc", "hb_hash_key", "__init__", String(repeating: "xy", count: 50), "héllo"]
        let r: [(pool: UInt32, heap: Int, py: Int)] = CoreHarness.run {
            texts.map { t in
                let q = intern(t)
                let h = heapStr(t)
                let keep = pushRoot(h)
                defer { popRoots(to: keep) }
                return (qstrs.hashOf(q), strHash(h), (try? pyHash(qobj(t))) ?? -1)
            }
        }
        for (t, x) in zip(texts, r) {
            #expect(x.pool == referenceHash(t), "qstr hash of \(t.debugDescription)")
            #expect(x.heap == Int(referenceHash(t)), "heap str hash of \(t.debugDescription)")
            #expect(x.py == Int(referenceHash(t)), "hash() of \(t.debugDescription)")
        }
        // the same in a later Python world (the runtime reset keeps the pool)
        let program = "print(hash('hb_stable'), hash('a' * 100), hash(''))\n"
        let first = CoreHarness.py(program)
        #expect(first == CoreHarness.py(program))
        #expect(first == "\(referenceHash("hb_stable")) \(referenceHash(String(repeating: "a", count: 100))) 5381\n")
    }

    // MARK: - maps

    @Test func mapKeepsInsertionOrderThroughGrowth() {
        let r: (ok: Bool, detail: String, indexed: Bool, small: Bool) = CoreHarness.run {
            let d = try! newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let m = dictMap(d)
            var keys: [Obj] = []
            var small = false
            for i in 0..<200 {
                let k = qobj("hb_order_\(i)")
                try! m.set(k, Obj(small: i))
                keys.append(k)
                if m.count != i + 1 || m.capacity < m.count { return (false, "count \(m.count) cap \(m.capacity) at \(i)", false, false) }
                // every key inserted so far is found, by identity and by the general lookup
                for (j, kj) in keys.enumerated() {
                    guard let a = m.findQstr(kj), let b = try! m.find(kj), a == b, m.value(a) == Obj(small: j) else {
                        return (false, "lost key \(j) after inserting \(i)", false, false)
                    }
                }
                if orderedKeys(m) != keys { return (false, "order broken at \(i)", false, false) }
                if i == 2 { small = gcAllocSize(m.table) == (m.capacity * 8 + 15) / 16 * 16 }
            }
            let indexed = gcAllocSize(m.table) > m.capacity * 8
            return (true, "", indexed, small)
        }
        #expect(r.ok, "\(r.detail)")
        #expect(r.small, "a small map is a plain array of (key, value) pairs")
        #expect(r.indexed, "a big map has a hash index after its entries")
    }

    @Test func mapDeletionKeepsOrderAndProbeChains() {
        let r: (ok: Bool, detail: String) = CoreHarness.run {
            let d = try! newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let m = dictMap(d)
            for n in [6, 40, 300] {
                m.clear()
                // small ints that collide in the low bits, so probe chains are long
                let keys = (0..<n).map { Obj(small: $0 * 1024) }
                for k in keys { try! m.set(k, k) }
                var live = keys
                for (i, k) in keys.enumerated() where i % 3 == 1 {
                    guard try! m.remove(k) == k else { return (false, "remove \(i) of \(n)") }
                    live.removeAll { $0 == k }
                }
                if m.count != live.count { return (false, "count \(m.count) != \(live.count)") }
                for (i, k) in keys.enumerated() {
                    let found = try! m.get(k)
                    if (i % 3 == 1) != (found == nil) { return (false, "lookup \(i) of \(n) after deletions") }
                }
                if orderedKeys(m) != live { return (false, "order after deletions, n = \(n)") }
                if try! m.remove(keys[1]) != nil { return (false, "removed twice") }
                // a re-inserted key goes to the end; more insertions grow over the deleted slots
                try! m.set(keys[1], Obj(small: -1))
                live.append(keys[1])
                for i in n..<(n + n / 2 + 5) {
                    let k = Obj(small: i * 1024)
                    try! m.set(k, k)
                    live.append(k)
                }
                if orderedKeys(m) != live { return (false, "order after re-insertion, n = \(n)") }
                if try! m.get(keys[1]) != Obj(small: -1) { return (false, "re-inserted value") }
                for k in live where try! m.get(k) == nil { return (false, "lost a key after growth, n = \(n)") }
                if m.count != live.count || m.fill < m.count { return (false, "count/fill") }
            }
            return (true, "")
        }
        #expect(r.ok, "\(r.detail)")
    }

    @Test func qstrAndHeapStringKeysWithEqualTextAreOneKey() {
        let r: [String] = CoreHarness.run {
            var problems: [String] = []
            let d = try! newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let m = dictMap(d)
            for size in [3, 100] {
                m.clear()
                for i in 0..<size { try! m.set(qobj("hb_mixed_\(i)"), Obj(small: i)) }
                // stored as qstrs, looked up with heap strings
                for i in 0..<size {
                    let h = heapStr("hb_mixed_\(i)")
                    _ = pushRoot(h)
                    if try! m.get(h) != Obj(small: i) { problems.append("heap lookup of qstr key \(i)/\(size)") }
                    try! m.set(h, Obj(small: i + 1000))
                    if m.count != size { problems.append("heap store duplicated qstr key \(i)/\(size)") }
                    if m.key(try! m.find(h)!) != qobj("hb_mixed_\(i)") { problems.append("key identity replaced") }
                }
                // stored as heap strings, looked up and replaced with qstrs
                m.clear()
                var heapKeys: [Obj] = []
                for i in 0..<size {
                    let h = heapStr("hb_heapkey_\(i)_\(size)")
                    _ = pushRoot(h)
                    heapKeys.append(h)
                    try! m.set(h, Obj(small: i))
                }
                for i in 0..<size {
                    let q = qobj("hb_heapkey_\(i)_\(size)")
                    if try! m.get(q) != Obj(small: i) { problems.append("qstr lookup of heap key \(i)/\(size)") }
                    try! m.set(q, Obj(small: -i))
                    if m.count != size { problems.append("qstr store duplicated heap key \(i)/\(size)") }
                    if try! m.get(heapKeys[i]) != Obj(small: -i) { problems.append("value replaced \(i)/\(size)") }
                }
                if try! m.remove(qobj("hb_heapkey_0_\(size)")) == nil || m.count != size - 1 {
                    problems.append("remove by qstr of a heap key")
                }
            }
            return problems
        }
        #expect(r.isEmpty, "\(r)")
    }

    @Test func dictsAndNamespacesInPython() {
        let out = CoreHarness.py("""
            d = {}
            for k in 'zyxwvutsrqponm':
                d[k] = ord(k)
            del d['x'], d['q']
            d['z'] = 0
            d['x'] = 1
            print(''.join(d), d['z'], len(d))
            print(d.popitem(), d.popitem(), len(d))
            big = {i * 7919 % 1000: i for i in range(1000)}
            print(list(big)[:5], len(big), all(big[i * 7919 % 1000] == i for i in range(1000)))
            for i in range(0, 1000, 2):
                del big[i]
            print(len(big), list(big)[:4], 500 in big, 501 in big)
            print({1: 'a', 1.0: 'b', True: 'c'}, {(1, 2): 'x', (1, 2): 'y'})
            try:
                {[1]: 2}
            except TypeError:
                print('TypeError')
            # a heap string key and the interned name of the same text are one global / attribute
            pre = 'zz'
            g = globals()
            g[pre + 'qqq'] = 42
            exec('print(zzqqq)')
            for i in range(20):
                g['hb_glob%d' % i] = i
            g[pre + 'ttt'] = 43
            exec('print(zzttt, hb_glob15)')
            class C: pass
            o = C()
            setattr(o, pre + 'rrr', 7)
            exec('print(o.zzrrr)')
            dd = {}
            dd[pre + 'sss'] = 1
            exec("dd['zzsss'] = 2")
            print(dd)
            """)
        #expect(out == """
            zywvutsrponmx 0 13
            ('x', 1) ('m', 109) 11
            [0, 919, 838, 757, 676] 1000 True
            500 [919, 757, 595, 433] False True
            {1: 'c'} {(1, 2): 'y'}
            TypeError
            42
            43 15
            7
            {'zzsss': 2}

            """)
    }

    @Test func unhashableKeyMessage() {
        // py/obj.c mp_obj_hash: "unsupported type for __hash__: '%s'"
        let out = CoreHarness.py("""
            try:
                {}[[1]]
            except TypeError as e:
                print(e)
            """)
        #expect(out == "unsupported type for __hash__: 'list'\n")
    }
}
}
