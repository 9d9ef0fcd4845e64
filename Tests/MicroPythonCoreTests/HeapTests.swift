import Foundation
import Testing
@testable import MicroPythonCore

// Unit tests of Heap.swift (allocator, allocation table, mark-sweep collector) and of the
// Python-visible memory behaviour (gc, micropython.heap_lock, object sizes on the board heap).
// Swift-level tests talk to the allocator directly; the rest are small Python programs whose
// printed output is asserted. All run through CoreHarness (one interpreter thread, serialised).

private func blockIndex(_ addr: UInt32) -> Int { Int(addr - rt.pointee.poolStart) / blockBytes }

private func roundUp(_ n: Int) -> Int { (max(n, 1) + 15) / 16 * 16 }

extension InterpreterSuites {
@Suite struct HeapTests {

    // MARK: - allocator and allocation table (Swift level)

    @Test func allocationSizesAreRoundedToWholeBlocks() {
        let sizes = [1, 4, 15, 16, 17, 31, 32, 33, 48, 100, 1000, 4097]
        let results: [(size: Int, delta: Int, aligned: Bool, zeroed: Bool)] = CoreHarness.run {
            var r: [(Int, Int, Bool, Bool)] = []
            for n in sizes {
                let before = heapInfo().used
                let a = try! gcAlloc(n)
                let size = gcAllocSize(a)
                let delta = heapInfo().used - before
                let p = hostPtr(a).assumingMemoryBound(to: UInt8.self)
                let zeroed = (0..<size).allSatisfy { p[$0] == 0 }
                // dirty the block so the next allocation there proves zeroing
                for i in 0..<size { p[i] = 0xEE }
                r.append((size, delta, a % 16 == 0 && isHeapAddr(a), zeroed))
                gcFree(a)
            }
            return r
        }
        for (n, res) in zip(sizes, results) {
            #expect(res.size == roundUp(n), "gcAllocSize after gcAlloc(\(n))")
            #expect(res.delta == roundUp(n), "heap use grows by whole blocks for \(n) bytes")
            #expect(res.aligned, "allocation of \(n) bytes is 16-byte aligned in the pool")
            #expect(res.zeroed, "allocation of \(n) bytes is zeroed")
        }
    }

    @Test func allocationTableHasHeadTailAndFreeBlocks() {
        let r: (kinds: [UInt8], after: UInt8, freed: [UInt8], oneByte: UInt8) = CoreHarness.run {
            let a = try! gcAlloc(3 * 16)
            let b = blockIndex(a)
            let kinds = (b..<(b + 3)).map(atbGet)
            let after = atbGet(b + 3)
            // the table packs four blocks per byte, block 0 in the two low bits
            let byte = rt.pointee.atb[b >> 2]
            let oneByte = (byte >> UInt8((b & 3) * 2)) & 3
            gcFree(a)
            let freed = (b..<(b + 3)).map(atbGet)
            return (kinds, after, freed, oneByte)
        }
        #expect(r.kinds == [atHead, atTail, atTail])
        #expect(r.after != atTail, "the block after a 3-block allocation must not continue it")
        #expect(r.oneByte == atHead)
        #expect(r.freed == [atFree, atFree, atFree])
        #expect((atFree, atHead, atTail, atMark) == (0, 1, 2, 3))
    }

    @Test func markBitIsIndependentOfNeighboursAndCountsAsUsed() {
        let r: (marked: UInt8, neighbours: [UInt8], before: [UInt8], usedSame: Bool, restored: UInt8) = CoreHarness.run {
            // four 1-block allocations, then mark the second by hand
            let addrs = (0..<4).map { _ in try! gcAlloc(16) }
            let bs = addrs.map(blockIndex)
            let before = bs.map(atbGet)
            let used = heapInfo().used
            atbSet(bs[1], atMark)
            let marked = atbGet(bs[1])
            let neighbours = [bs[0], bs[2], bs[3]].map(atbGet)
            let usedSame = heapInfo().used == used
            atbSet(bs[1], atHead)
            let restored = atbGet(bs[1])
            for a in addrs { gcFree(a) }
            return (marked, neighbours, before, usedSame, restored)
        }
        #expect(r.before == [atHead, atHead, atHead, atHead])
        #expect(r.marked == atMark)
        #expect(r.neighbours == [atHead, atHead, atHead])
        #expect(r.usedSame, "a marked block is still in use for heapInfo")
        #expect(r.restored == atHead)
    }

    @Test func collectionKeepsRootedAndReachableBlocksAndClearsMarks() {
        // A rooted container holds 40 one-block objects; 40 more are referenced by nothing.
        let r: (keptKinds: [UInt8], containerKind: UInt8, unreachableFreed: Int, afterCutFreed: Int, interiorFreed: Int) = CoreHarness.run {
            let container = try! gcAlloc(40 * 4)
            let keep = pushRoot(Obj(raw: container))
            let cw = hostPtr(container).assumingMemoryBound(to: UInt32.self)
            var held: [Int] = []
            var loose: [Int] = []
            for i in 0..<40 {
                let h = try! gcAlloc(16)
                cw[i] = h
                held.append(blockIndex(h))
                loose.append(blockIndex(try! gcAlloc(16)))
            }
            // interior pointers from heap objects do not keep an allocation alive (as py/gc.c)
            var interior: [Int] = []
            let holder = try! gcAlloc(10 * 4)
            let hw = hostPtr(holder).assumingMemoryBound(to: UInt32.self)
            for i in 0..<10 {
                let x = try! gcAlloc(48)
                hw[i] = x + 16
                interior.append(blockIndex(x))
            }
            cw[39] = holder   // the container keeps the holder alive (held[39] becomes garbage)
            gcCollect()
            let keptKinds = held.dropLast().map(atbGet) + [atbGet(blockIndex(holder))]
            let containerKind = atbGet(blockIndex(container))
            let unreachableFreed = loose.filter { atbGet($0) == atFree }.count
            let interiorFreed = interior.filter { atbGet($0) == atFree }.count
            // cut the container's references: the held objects become garbage
            for i in 0..<40 { cw[i] = 0 }
            gcCollect()
            let afterCutFreed = held.dropLast().filter { atbGet($0) == atFree }.count
            popRoots(to: keep)
            return (keptKinds, containerKind, unreachableFreed, afterCutFreed, interiorFreed)
        }
        #expect(r.keptKinds.allSatisfy { $0 == atHead }, "reachable blocks survive with their mark cleared")
        #expect(r.containerKind == atHead, "a root survives with its mark cleared")
        // The native stack is scanned conservatively, so allow a stale copy or two.
        #expect(r.unreachableFreed >= 38, "unreferenced blocks are freed (\(r.unreachableFreed)/40)")
        #expect(r.afterCutFreed >= 37, "blocks become garbage once unreferenced (\(r.afterCutFreed)/39)")
        #expect(r.interiorFreed >= 8, "interior pointers inside the heap are not references (\(r.interiorFreed)/10)")
    }

    @Test func freedMiddleBlockIsReused() {
        // Blocks a (1), b (4), c (1) allocated back to back; b is freed. One-block objects are
        // placed first fit, so four of them fill b's hole exactly; an object of five blocks does
        // not fit there; after a collection, two 2-block objects fill the hole.
        struct R {
            var contiguous = false, hole: [UInt32] = [], ones: [UInt32] = [], bigInHole = true
            var twos: [UInt32] = [], holeAfterCollect: [UInt32] = [], survived = false
        }
        let r: R = CoreHarness.run {
            var r = R()
            // Everything allocated here is kept alive by a rooted container through the collection.
            gcCollect()     // garbage of earlier tests must not open new holes below ours later
            let capacity = 8192
            let container = try! gcAlloc(capacity * 4)
            let keep = pushRoot(Obj(raw: container))
            defer { popRoots(to: keep) }
            let slots = hostPtr(container).assumingMemoryBound(to: UInt32.self)
            var used = 0
            func hold(_ x: UInt32) { slots[used] = x; used += 1 }
            // Fill every hole below the heap's frontier with 1-block objects (first fit fills the
            // lowest free block each time), until a 1 + 4 + 1 block triple lands contiguously.
            var a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0
            while used < capacity - 200 {
                var run = 0
                var last: UInt32 = 0
                while run < 64 && used < capacity - 200 {
                    let x = try! gcAlloc(16)
                    hold(x)
                    run = (x == last + 16) ? run + 1 : 0
                    last = x
                }
                a = try! gcAlloc(16)
                b = try! gcAlloc(64)
                c = try! gcAlloc(16)
                hold(a); hold(c)
                if b == a + 16 && c == b + 64 { break }
                hold(b)
            }
            r.contiguous = b == a + 16 && c == b + 64
            r.hole = [b, b + 16, b + 32, b + 48]
            gcFree(b)
            let big = try! gcAlloc(80)
            hold(big)
            r.bigInHole = big >= b && big < b + 64
            r.ones = (0..<4).map { _ in try! gcAlloc(16) }
            for x in r.ones { gcFree(x) }
            gcCollect()
            r.survived = atbGet(blockIndex(a)) == atHead && atbGet(blockIndex(c)) == atHead
                && atbGet(blockIndex(big)) == atHead
            r.twos = [try! gcAlloc(32), try! gcAlloc(32)]
            r.holeAfterCollect = [b, b + 32]
            for x in r.twos { gcFree(x) }
            return r
        }
        #expect(r.contiguous)
        #expect(!r.bigInHole, "a 5-block object cannot use a 4-block hole")
        #expect(r.ones == r.hole, "one-block objects fill the freed middle block in address order")
        #expect(r.survived, "rooted blocks survive the collection")
        #expect(r.twos == r.holeAfterCollect, "after a collection, first fit puts 2-block objects in the hole")
    }

    @Test func heapLockMakesSwiftAllocationThrowMemoryError() {
        let r: (threw: Bool, isMemoryError: Bool, afterUnlock: Bool) = CoreHarness.run {
            rt.pointee.heapLockDepth = 1
            var threw = false, isMem = false
            do {
                _ = try gcAlloc(16)
            } catch {
                threw = true
                isMem = isInstance(error.exc, .MemoryError)
            }
            rt.pointee.heapLockDepth = 0
            let ok = (try? gcAlloc(16)) != nil
            return (threw, isMem, ok)
        }
        #expect(r.threw)
        #expect(r.isMemoryError)
        #expect(r.afterUnlock)
    }

    // MARK: - gc module (Python level)

    @Test func memFreePlusMemAllocIsConstantAndEqualsTheHeap() {
        let (out, total, configured) = CoreHarness.run { () -> (String, Int, Int) in
            let out = CoreHarness.runSource("""
                import gc
                sums = [gc.mem_free() + gc.mem_alloc()]
                keep = []
                for i in range(60):
                    keep.append('x' * (i * 7))
                    keep.append([i] * i)
                    keep.append({i: str(i)})
                    sums.append(gc.mem_free() + gc.mem_alloc())
                gc.collect()
                sums.append(gc.mem_free() + gc.mem_alloc())
                keep = None
                gc.collect()
                sums.append(gc.mem_free() + gc.mem_alloc())
                print(len(set(sums)), sums[0])
                """)
            return (out, rt.pointee.blockCount * blockBytes, CoreHarness.heapBytes)
        }
        #expect(out == "1 \(total)\n")
        // the allocation table takes 1/65 of the arena: 2 bits for every 16-byte block
        #expect(total <= configured && total >= configured * 64 / 65 - 64)
    }

    // The native stack is scanned conservatively, so a stale copy of a pointer can keep one
    // object (and what it references) alive; these tests free many independent objects and
    // allow for a few stale ones.
    @Test func collectFreesUnreachableObjects() {
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            base = gc.mem_alloc()
            d = {}
            for i in range(100):
                d[i] = bytearray(1000)
            grown = gc.mem_alloc() - base
            for i in range(100):
                del d[i]
            gc.collect()
            left = gc.mem_alloc() - base
            print(grown >= 100 * 1000, left < 10 * 1024, left)
            # reference cycles are garbage too
            class N: pass
            pairs = []
            for i in range(20):
                a = N(); b = N(); a.other = b; b.other = a; a.big = bytearray(5000)
                pairs.append(a)
            a = b = None
            gc.collect()
            m = gc.mem_alloc()
            for i in range(20):
                pairs[i] = None
            gc.collect()
            print(m - gc.mem_alloc() >= 15 * 5000)
            """)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("True True ") && lines[1] == "True", "\(out)")
    }

    @Test func garbageReturnedByALastCallIsFreed() {
        // A list built by a comprehension and then dropped: nothing in Python refers to it.
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            base = gc.mem_alloc()
            junk = [bytearray(1000) for i in range(100)]
            junk = None
            gc.collect()
            print(gc.mem_alloc() - base < 10 * 1024)
            """)
        withKnownIssue("debug builds: a stale Obj in the dispatch() frame keeps the dropped list alive (conservative native-stack scan)", isIntermittent: true) {
            #expect(out == "True\n")
        }
    }

    @Test func clearedAndShrunkListsDropTheirReferences() {
        // py/objlist.c clears the slots a list no longer uses (list_clear, slice deletion),
        // so their former items can be collected while the list lives on.
        let out = CoreHarness.py("""
            import gc
            def freed(shrink):
                l = [bytearray(2000) for i in range(40)]
                gc.collect()
                m = gc.mem_alloc()
                shrink(l)
                gc.collect()
                return (m - gc.mem_alloc()) // 2000 >= 35
            def pops(l):
                while l:
                    l.pop()
            def clear(l):
                l.clear()
            def del_slice(l):
                del l[:]
            def assign_slice(l):
                l[:] = []
            def del_items(l):
                for i in range(len(l)):
                    del l[-1]
            print(freed(pops), freed(del_items), freed(clear), freed(del_slice), freed(assign_slice))
            """)
        #expect(out.hasPrefix("True True "), "pop and del l[i] clear the freed slot")
        #expect(out == "True True True True True\n")
    }

    @Test func collectKeepsObjectsReachableThroughContainersClosuresGeneratorsAndExceptions() {
        let out = CoreHarness.py("""
            import gc, sys
            N = 3000
            def payload(k):
                return {'data': bytearray([k]) * N, 'items': [str(i + k) for i in range(100)]}
            def ok(p, k):
                return p['data'] == bytearray([k]) * N and p['items'] == [str(i + k) for i in range(100)]
            def churn():
                for r in range(3):
                    junk = [bytearray([255]) * N for i in range(20)]
                    junk2 = [str(i) * 3 for i in range(300)]
                    junk = junk2 = None
                    gc.collect()

            gc.collect()
            base = gc.mem_alloc()
            in_list = [[payload(1)]]
            in_dict = {'k': payload(2)}
            class Key: pass
            key = Key(); key.p = payload(3)
            as_key = {key: 1}
            key = None
            class Holder: pass
            inst = Holder(); inst.a = payload(4)
            def make_closure():
                p = payload(5)
                return lambda: p
            closure = make_closure()
            def gen():
                p = payload(6)
                yield 0
                yield p
            g = gen(); next(g)
            def fail(p):
                raise ValueError(p)
            try:
                fail(payload(7))
            except ValueError as e:
                saved = e
            def deep(n):
                if n == 0:
                    raise KeyError('deep')
                deep(n - 1)
            try:
                deep(5)
            except KeyError as e:
                saved_tb = e

            churn()
            held = gc.mem_alloc() - base
            print(held >= 7 * N)
            print(ok(in_list[0][0], 1), ok(in_dict['k'], 2), ok(list(as_key.keys())[0].p, 3), ok(inst.a, 4))
            print(ok(closure(), 5), ok(next(g), 6), ok(saved.args[0], 7))
            sys.print_exception(saved_tb)

            """)
        #expect(out == """
            True
            True True True True
            True True True
            Traceback (most recent call last):
              File "<string>", line 44, in <module>
              File "<string>", line 42, in deep
              File "<string>", line 42, in deep
              File "<string>", line 42, in deep
              File "<string>", line 42, in deep
              File "<string>", line 42, in deep
              File "<string>", line 41, in deep
            KeyError: deep

            """)
    }

    @Test func thresholdTriggersAutomaticCollection() {
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            gc.threshold(8192)
            print(gc.threshold())
            base = gc.mem_alloc()
            peak = 0
            for i in range(200):
                b = bytearray(1000)
                u = gc.mem_alloc() - base
                if u > peak:
                    peak = u
            gc.threshold(-1)
            print(peak < 16000, gc.threshold())
            """)
        #expect(out == "8192\nTrue -1\n")
    }

    @Test func disabledCollectorDoesNotCollectOnFailure() {
        // py/gc.c: `collected = !gc_auto_collect_enabled`, so with gc.disable() neither the
        // threshold nor a failed allocation triggers a collection; the allocation fails.
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            gc.disable()
            n = 0
            try:
                for i in range(3000):
                    b = bytearray(1000)
                    n += 1
                print('no MemoryError')
            except MemoryError:
                print('MemoryError')
            gc.enable()
            gc.collect()
            gc.threshold(8192)
            gc.disable()
            base = gc.mem_alloc()
            peak = 0
            for i in range(60):
                b = bytearray(1000)
                u = gc.mem_alloc() - base
                if u > peak:
                    peak = u
            gc.enable()
            gc.threshold(-1)
            print(peak > 50000)
            """)
        #expect(out == "MemoryError\nTrue\n")
    }

    // MARK: - running out of memory

    @Test func memoryErrorOnExhaustionLeavesInterpreterUsable() {
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            total = gc.mem_free() + gc.mem_alloc()
            chunks = []
            try:
                while True:
                    chunks.append(bytearray(4000))
            except MemoryError:
                pass
            n = len(chunks)
            while chunks:
                chunks.pop()
            gc.collect()
            # the chunks filled most of the heap, and most of it is free again (the conservative
            # native-stack scan may keep a few chunks alive)
            print(n * 4000 > total // 2)
            print(gc.mem_free() > total // 2)
            # the interpreter still works: allocate, compute, raise and catch
            squares = [i * i for i in range(1000)]
            print(sum(squares), len({str(i): i for i in range(100)}))
            try:
                raise ValueError('after')
            except ValueError as e:
                print(e)
            for big in (lambda: bytearray(100000000), lambda: [0] * 50000000, lambda: 'ab' * 100000000):
                try:
                    big()
                    print('allocated?')
                except MemoryError:
                    print('MemoryError')
            # a linked structure exhausting memory part-way, then cut at the root
            root = [None]
            try:
                node = root
                while True:
                    nxt = [None, bytearray(512)]
                    node[0] = nxt
                    node = nxt
            except MemoryError:
                root[0] = None
                node = nxt = None
            gc.collect()
            print(gc.mem_free() > total // 2, sum(range(10)))
            """)
        #expect(out.hasPrefix("True\nTrue\n332833500 100\nafter\nMemoryError\nMemoryError\nMemoryError\n"))
        // The chain is only unreachable from Python: a stale word on the native stack (the scan is
        // conservative there, as MicroPython's is) can keep it alive in unoptimised builds.
        withKnownIssue("debug builds: a stale native-stack word may keep the dropped chain alive", isIntermittent: true) {
            #expect(out.hasSuffix("True 45\n"))
        }
    }

    @Test func fragmentationBlocksLargeAllocationsButSmallOnesFit() {
        let out = CoreHarness.py("""
            import gc
            gc.collect()
            chunks = []
            try:
                while True:
                    chunks.append(bytearray(2000))
            except MemoryError:
                pass
            chunks.pop()
            gc.collect()
            n = len(chunks)
            i = 0
            while i < n:
                chunks[i] = None
                i += 2
            gc.collect()
            free = gc.mem_free()
            try:
                big = bytearray(20000)
                print('allocated')
            except MemoryError:
                print('fragmented')
            small = [bytearray(1000) for i in range(20)]
            print(free > 200000, len(small))
            for i in range(n):
                chunks[i] = None
            for i in range(20):
                small[i] = None
            gc.collect()
            big = bytearray(20000)
            print(len(big))
            """)
        #expect(out == "fragmented\nTrue 20\n20000\n")
    }

    @Test func heapLockMakesPythonAllocationRaiseMemoryError() {
        // MicroPython's tests/micropython/heap_lock.py, plus heap_locked() and non-allocating code.
        let out = CoreHarness.py("""
            import micropython
            l = []
            l2 = list(range(100))
            def work(l):
                x = 0
                i = 0
                while i < 10:
                    x += i
                    i += 1
                l[0] = x
                return micropython.heap_locked()
            depth = None
            micropython.heap_lock()
            micropython.heap_lock()
            try:
                print([])
            except MemoryError:
                print('MemoryError')
            try:
                l.extend(l2)
            except MemoryError:
                print('MemoryError')
            print(micropython.heap_unlock())
            try:
                print([])
            except MemoryError:
                print('MemoryError')
            # code that allocates nothing runs with the heap locked (locals, small ints, stores)
            depth = work(l2)
            micropython.heap_unlock()
            print([], depth, micropython.heap_locked(), l2[0])
            """)
        #expect(out == "MemoryError\nMemoryError\n1\nMemoryError\n[] 1 0 45\n")
    }

    @Test func forRangeLoopDoesNotAllocateUnderHeapLock() {
        // MicroPython compiles `for i in range(...)` to a counter loop (compile_for_stmt_optimised_range),
        // so it runs with the heap locked, e.g. in a hard interrupt handler.
        let out = CoreHarness.py("""
            import micropython
            def isr():
                total = 0
                for i in range(10):
                    total += i
                for i in range(10, 0, -2):
                    total += i
                return total
            total = None
            micropython.heap_lock()
            try:
                total = isr()
            except MemoryError:
                total = -1
            micropython.heap_unlock()
            print(total)
            """)
        // `for i in range(...)` is a counter loop on the stack, as in MicroPython: no allocation
        #expect(out == "75\n")
    }

    @Test func uncaughtMemoryErrorUnderHeapLockIsReported() {
        let out = CoreHarness.py("""
            import micropython
            micropython.heap_lock()
            x = [1, 2, 3]
            print('not reached')
            """)
        #expect(out.contains("MemoryError"))
        #expect(!out.contains("not reached"))
        // the next program runs normally (guardedRun resets the lock)
        #expect(CoreHarness.py("print([1, 2])") == "[1, 2]\n")
    }

    // MARK: - gcstress

    static let stressProgram = """
        class Node:
            def __init__(self, v, nxt=None):
                self.v = v
                self.nxt = nxt
        def build(n):
            h = None
            for i in range(n):
                h = Node(i, h)
            return h
        def total(h):
            s = 0
            while h:
                s += h.v
                h = h.nxt
            return s
        print(total(build(40)))
        d = {}
        for i in range(24):
            d[str(i)] = [i, i * i, 'v' + str(i)]
        del d['3']
        print(sum(v[1] for v in d.values()), list(d)[:4])
        def gen(n):
            for i in range(n):
                yield 'x%d' % i
        print(','.join(gen(6)))
        def counter():
            c = [0]
            def inc(k):
                c[0] += k
                return c[0]
            return inc
        inc = counter()
        for k in range(5):
            inc(k)
        print(inc(100))
        try:
            try:
                raise ValueError('bad %d' % 5)
            finally:
                s = 'fin' + str(1)
        except ValueError as e:
            print(repr(e), s)
        print(sorted([3.5, 1.25, 2.0, -7.5], key=lambda x: -x))
        print(tuple(x * 2 for x in range(5)), {i % 3 for i in range(10)})
        print(2 ** 100 // 3 ** 20, '%s|%r|%5.2f' % ('a', 'b', 3.14159))
        """

    static let stressExpected = """
        780
        4315 ['0', '1', '2', '4']
        x0,x1,x2,x3,x4,x5
        110
        ValueError('bad 5',) fin1
        [3.5, 2.0, 1.25, -7.5]
        (0, 2, 4, 6, 8) {0, 1, 2}
        363558641556578823726 a|'b'| 3.14

        """

    @Test func gcStressRunsANonTrivialProgramCorrectly() {
        let plain = CoreHarness.py(Self.stressProgram)
        let r: (out: String, collections: Int, flag: Bool) = CoreHarness.run(gcStress: true) {
            let c0 = rt.pointee.collections
            let flag = rt.pointee.gcStress
            let out = CoreHarness.runSource(Self.stressProgram)
            return (out, rt.pointee.collections - c0, flag)
        }
        #expect(plain == Self.stressExpected)
        #expect(r.flag, "gcstress is on while the program runs")
        #expect(r.out == Self.stressExpected)
        #expect(r.collections > 300, "gcstress collected before every allocation (\(r.collections) collections)")
    }

    // MARK: - object sizes (shared/notes/memory-layout.md)

    /// (name, Python expression building the object, bytes on 32-bit MicroPython)
    static let sizeCases: [(String, String, Int)] = [
        ("none", "None", 0),
        ("empty list", "[]", 32),
        ("[1,2,3]", "[x1, 2, 3]", 32),
        ("list(range(100))", "list(range(n100))", 544),
        ("list comprehension 100", "[i for i in range(n100)]", 544),
        ("100x append", "appended()", 528),
        ("tuple (1,2,3)", "(x1, 2, 3)", 32),
        ("empty dict", "{}", 16),
        ("dict 10 int keys", "{i: i for i in range(x10)}", 96),
        ("empty set", "set()", 16),
        ("bytearray(100)", "bytearray(n100)", 128),
        ("bytearray(10000)", "bytearray(n100 * 100)", 10016),
        ("bytes(100)", "bytes(n100)", 128),
        ("str 10 chars", "'a' * x10", 32),
        ("str 100 chars", "'a' * n100", 128),
        ("float", "x1 + 0.5", 16),
        ("2**100", "2 ** (x1 * 100)", 32),
        ("instance of empty class", "Empty()", 16),
        ("instance with 3 attributes", "Three()", 48),
        ("closure with 1 free var", "make_closure()", 48),
        ("function def", "make_function()", 16),
        ("generator object", "gen()", 32),
        ("bound method", "holder.append", 16),
        ("2**30-1 (small int)", "2 ** (x1 * 30) - 1", 0),
        ("2**30 (boxed)", "2 ** (x1 * 30)", 32),
    ]

    /// Figures more than one block away from the board's, recorded as known issues.
    static let knownSizeIssues: Set<String> = []

    @Test func objectSizesMatchTheBoardWithinOneBlock() {
        var program = """
            import gc
            x1 = 1
            x10 = 10
            n100 = 100
            class Empty: pass
            class Three:
                def __init__(self):
                    self.a = 1
                    self.b = 2
                    self.c = 3
            def make_closure():
                x = x10
                def g():
                    return x
                return g
            def make_function():
                def f():
                    pass
                return f
            def gen():
                yield 1
            def appended():
                l = []
                for i in range(100):
                    l.append(i)
                return l
            holder = []
            keep = []
            def measure(build):
                gc.collect()
                gc.collect()
                a = gc.mem_alloc()
                obj = build()
                gc.collect()
                b = gc.mem_alloc()
                keep.append(obj)
                return b - a

            """
        for (_, expr, _) in Self.sizeCases {
            program += "print(measure(lambda: \(expr)))\n"
        }
        let out = CoreHarness.py(program)
        let figures = out.split(separator: "\n").map { Int($0) }
        #expect(figures.count == Self.sizeCases.count, "\(out)")
        guard figures.count == Self.sizeCases.count else { return }
        for ((name, _, board), measured) in zip(Self.sizeCases, figures) {
            guard let measured else {
                Issue.record("no figure for \(name): \(out)")
                continue
            }
            if Self.knownSizeIssues.contains(name) {
                withKnownIssue("\(name): \(measured) bytes, the board uses \(board)") {
                    #expect(abs(measured - board) <= blockBytes, "\(name): \(measured) bytes, board \(board)")
                }
            } else {
                #expect(abs(measured - board) <= blockBytes, "\(name): \(measured) bytes, board \(board)")
            }
        }
    }

    @Test func objectSizesAreDeterministic() {
        let program = """
            import gc
            def measure(build):
                gc.collect()
                a = gc.mem_alloc()
                obj = build()
                gc.collect()
                return gc.mem_alloc() - a, obj
            r = []
            for k in range(5):
                r.append(measure(lambda: [k] * 10)[0])
                r.append(measure(lambda: {'a': k})[0])
            print(r)
            """
        let a = CoreHarness.py(program)
        let b = CoreHarness.py(program)
        #expect(a == b)
        // [k] * 10: 1 header block + 10 slots (40 bytes, 3 blocks), as on the board
        #expect(a.hasPrefix("[64, "))
        #expect(Set(a.dropFirst().dropLast(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }).count == 2)
    }
}
}
