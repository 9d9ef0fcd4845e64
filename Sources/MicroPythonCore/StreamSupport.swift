// Byte-level access to any stream object, for wrappers such as deflate.DeflateIO: BytesIO is read
// and written directly, anything else through its Python-level read/write/close methods.

/// Reads one byte from a stream; nil at end of stream.
func streamReadByte(_ s: Obj) throws -> UInt8? {
    if let b = try ModuleIO.bytesIOReadByte(s) { return b.first }
    let r = try callMethodNamed(s, "read", [Obj(small: 1)])
    if r == .none { throw osError(EAGAIN_CODE) }
    guard let p = stdBufferPointer(r) else { throw typeError("stream read() must return bytes") }
    return p.first
}

/// Writes all of `bytes` to a stream.
func streamWrite(_ s: Obj, _ bytes: [UInt8]) throws {
    if bytes.isEmpty { return }
    if try ModuleIO.bytesIOWrite(s, bytes) { return }
    let b = try newBytes(bytes)
    let keep = pushRoot(b)
    defer { popRoots(to: keep) }
    _ = try callMethodNamed(s, "write", [b])
}

let EAGAIN_CODE: Int32 = 11
let EINVAL_CODE: Int32 = 22
