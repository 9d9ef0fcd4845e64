import Testing
import CSupport
@testable import MicroPythonCore

extension InterpreterSuites {
@Suite struct ZZDiag {
    @Test func diag() {
        registerModule("hbdiag") {
            [("refs", .function(fn("refs", 1) { a throws in
                let target = UInt32(try intToInt(a[0]))
                var here: UInt32 = 0
                var out: [Obj] = []
                withUnsafeMutablePointer(to: &here) { hp in
                    var p = UnsafeRawPointer(hp).assumingMemoryBound(to: UInt32.self)
                    let top = UnsafeRawPointer(rt.pointee.nativeStackTop!).assumingMemoryBound(to: UInt32.self)
                    while p < top {
                        if p.pointee == target { out.append(Obj(small: top - p)) }
                        p += 1
                    }
                }
                return try newList(out)
            }))]
        }
        let out = CoreHarness.py("""
            import gc, hbdiag
            junk = [bytearray(1000) for i in range(100)]
            a = id(junk)
            junk = None
            print(hbdiag.refs(a))
            x = [1]
            print(hbdiag.refs(id(x)))
            x = None
            y = [2 for i in range(2)]
            print(hbdiag.refs(a))
            """)
        print(out)
    }
}
}
