// Python exceptions travel through Swift as a thrown PyErr carrying the exception object,
// which lives in the Python heap like any other object.

struct PyErr: Error {
    let exc: Obj
    @inline(__always) init(_ exc: Obj) {
        self.exc = exc
        // Keep the exception alive while it propagates through native frames.
        setRoot(.raisedException, exc)
    }
}

extension Error {
    /// The Python exception carried by a thrown error (every error the runtime throws is a PyErr).
    var exc: Obj { (self as? PyErr)?.exc ?? getRoot(.memoryErrorInstance) }
}

/// Builds an exception of a builtin type with a message (no message if nil).
func pyErr(_ t: TypeID, _ msg: String? = nil) -> PyErr {
    do {
        let args: Obj
        if let m = msg {
            let s = try newStr(m)
            args = try newTuple([s])
        } else {
            args = getRoot(.emptyTuple)
        }
        return PyErr(try newException(t.obj, args: args))
    } catch {
        return PyErr(getRoot(.memoryErrorInstance))
    }
}

func typeError(_ msg: String) -> PyErr { pyErr(.TypeError, msg) }
func valueError(_ msg: String) -> PyErr { pyErr(.ValueError, msg) }
func indexError(_ msg: String) -> PyErr { pyErr(.IndexError, msg) }
func attributeError(_ msg: String) -> PyErr { pyErr(.AttributeError, msg) }
func overflowError(_ msg: String) -> PyErr { pyErr(.OverflowError, msg) }
func zeroDivision() -> PyErr { pyErr(.ZeroDivisionError, "divide by zero") }
func notImplemented(_ msg: String) -> PyErr { pyErr(.NotImplementedError, msg) }
func runtimeError(_ msg: String) -> PyErr { pyErr(.RuntimeError, msg) }

func keyError(_ key: Obj) -> PyErr {
    do {
        let args = try newTuple([key])
        return PyErr(try newException(TypeID.KeyError.obj, args: args))
    } catch {
        return PyErr(getRoot(.memoryErrorInstance))
    }
}

func osError(_ errno: Int32, _ msg: String? = nil) -> PyErr {
    do {
        var items = [Obj(small: Int(errno))]
        if let m = msg { items.append(try newStr(m)) }
        let args = try newTuple(items)
        return PyErr(try newException(TypeID.OSError.obj, args: args))
    } catch {
        return PyErr(getRoot(.memoryErrorInstance))
    }
}

func memoryError(_ bytes: Int, locked: Bool) -> PyErr {
    // Allocation is impossible here: raise the preallocated instance.
    PyErr(getRoot(.memoryErrorInstance))
}

/// Names of the errno codes MicroPython knows (Linux numbering).
let errnoNames: [Int: String] = [
    1: "EPERM", 2: "ENOENT", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES", 17: "EEXIST",
    18: "EXDEV", 19: "ENODEV", 20: "ENOTDIR", 21: "EISDIR", 22: "EINVAL", 28: "ENOSPC", 30: "EROFS",
    39: "ENOTEMPTY", 95: "EOPNOTSUPP", 98: "EADDRINUSE", 103: "ECONNABORTED", 104: "ECONNRESET",
    105: "ENOBUFS", 107: "ENOTCONN", 110: "ETIMEDOUT", 111: "ECONNREFUSED", 113: "EHOSTUNREACH",
    114: "EALREADY", 115: "EINPROGRESS",
]

func errnoName(_ n: Int) -> String? { errnoNames[n] }

func typeName(_ o: Obj) -> String { qstrString(o.type.o(TypeWord.name).qstr) }
