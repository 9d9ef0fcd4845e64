import Glibc

// Unbuffered writes to the process's stdout and stderr, shared by the host runner and the board
// front end: both interleave their own messages with bytes the REPL writes to the same fds.

public func writeOut(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = write(1, b.baseAddress, b.count) }
}

public func writeErr(_ s: String) {
    var s = s
    s.withUTF8 { b in _ = write(2, b.baseAddress, b.count) }
}
