import Foundation
import Glibc
import Testing
@testable import SerialLink

// The transports on their own (no interpreter): queueing, the interrupt byte, telnet stripping,
// and real PTY and TCP clients attaching, detaching and re-attaching.

/// Reads from `fd` until `count` bytes arrived or `timeout` seconds passed.
func readBytes(_ fd: Int32, count: Int, timeout: Double = 2) -> [UInt8] {
    var out: [UInt8] = []
    let end = Date().addingTimeInterval(timeout)
    var buf = [UInt8](repeating: 0, count: 256)
    while out.count < count && Date() < end {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, 20) <= 0 { continue }
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, 256) }
        if n <= 0 { break }
        out += buf[0..<n]
    }
    return out
}

func readQueued(_ port: SerialPort, count: Int) -> [UInt8] {
    var got: [UInt8] = []
    while got.count < count, let b = port.readByte(timeout: 2) { got.append(b) }
    return got
}

@Suite struct ByteQueueTests {
    @Test func popsInOrderAndTimesOut() {
        let q = ByteQueue()
        q.push([1, 2, 3])
        #expect(q.pop(timeout: 0) == 1)
        #expect(q.pop() == 2)
        #expect(q.count == 1)
        #expect(q.pop(timeout: 0.01) == 3)
        let t0 = Date()
        #expect(q.pop(timeout: 0.05) == nil)
        #expect(Date().timeIntervalSince(t0) >= 0.04)
    }

    @Test func closeWakesAWaiterButQueuedBytesRemainReadable() {
        let q = ByteQueue()
        q.push([7])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { q.close() }
        #expect(q.pop() == 7)
        #expect(!q.isClosed)
        #expect(q.pop() == nil)         // woken by close
        #expect(q.isClosed)
    }

    @Test func aBlockedReaderGetsBytesFromAnotherThread() {
        let q = ByteQueue()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { q.push([42]) }
        #expect(q.pop(timeout: 2) == 42)
    }
}

@Suite struct SerialPortTests {
    final class Recorder: SerialPort {
        var sent: [UInt8] = []
        override func write(_ bytes: [UInt8]) { sent += bytes }
    }

    @Test func theInterruptByteIsNotQueuedWhileSet() {
        let p = Recorder()
        var interrupts = 0
        p.onInterrupt = { interrupts += 1 }
        p.received([65, 3, 66])
        #expect(interrupts == 0)                     // no code running: Ctrl-C is an ordinary byte
        p.interruptChar = 3
        p.received([67, 3, 68, 3])
        #expect(interrupts == 2)
        p.interruptChar = -1
        #expect(readQueued(p, count: 5) == [65, 3, 66, 67, 68])
    }

    @Test func consoleCooksOutputButNotEcho() {
        let p = Recorder()
        let c = SerialConsole(port: p)
        c.write([97, 10])
        c.writeOutput([98, 10, 99])
        #expect(p.sent == [97, 10, 98, 13, 10, 99])
        let raw = SerialConsole(port: p, cookOutput: false)
        p.sent = []
        raw.writeOutput([10])
        #expect(p.sent == [10])
    }

    @Test func consoleRunsIdleWorkWhileWaiting() throws {
        let p = Recorder()
        var idleCalls = 0
        let c = SerialConsole(port: p, idle: { _ in
            idleCalls += 1
            if idleCalls == 3 { p.received([120]) }
        })
        #expect(try c.readByte() == 120)
        #expect(idleCalls == 3)
        p.close()
        #expect(try c.readByte() == nil)
    }
}

@Suite struct TelnetFilterTests {
    @Test func stripsNegotiationAndSubnegotiation() {
        var f = TelnetFilter()
        // IAC DO ECHO, "a", IAC SB NAWS 0 80 0 24 IAC SE, "b", IAC IAC, IAC NOP, "\r\0", "c"
        let input: [UInt8] = [255, 253, 1, 97, 255, 250, 31, 0, 80, 0, 24, 255, 240, 98, 255, 255, 255, 241, 13, 0, 99]
        #expect(f.filter(input) == [97, 98, 255, 13, 99])
    }

    @Test func sequencesSplitAcrossReadsAreStripped() {
        var f = TelnetFilter()
        #expect(f.filter([97, 255]) == [97])
        #expect(f.filter([251]) == [])
        #expect(f.filter([3, 98]) == [98])
        #expect(f.filter([13]) == [13])
        #expect(f.filter([0, 10]) == [10])
    }
}

@Suite(.serialized) struct PtyTransportTests {
    @Test func clientsAttachDetachAndReattach() throws {
        let link = NSTemporaryDirectory() + "microboard-pty-\(getpid())"
        let t = try PtyTransport(link: link)
        defer { t.close() }
        #expect(t.path.hasPrefix("/dev/pts/"))
        var st = stat()
        #expect(lstat(link, &st) == 0)
        #expect(String(decoding: try FileManager.default.destinationOfSymbolicLink(atPath: link).utf8, as: UTF8.self) == t.path)

        // no client yet: output is dropped, not buffered for a later client
        t.write(Array("lost".utf8))
        let a = open(link, O_RDWR | O_NOCTTY)
        #expect(a >= 0)
        #expect(t.clientAttached)
        t.write(Array("hello\r\n".utf8))
        #expect(readBytes(a, count: 7) == Array("hello\r\n".utf8))
        // bytes from the client arrive unchanged (raw mode: no echo, no CR/LF translation)
        _ = write(a, "x\r\u{3}y\n", 5)
        #expect(readQueued(t, count: 5) == [120, 13, 3, 121, 10])
        #expect(readBytes(a, count: 1, timeout: 0.2) == [])
        close(a)
        usleep(50_000)
        #expect(!t.clientAttached)
        t.write(Array("while detached".utf8))

        let b = open(t.path, O_RDWR | O_NOCTTY)
        #expect(b >= 0)
        _ = write(b, "again", 5)
        #expect(readQueued(t, count: 5) == Array("again".utf8))
        t.write(Array("ok".utf8))
        #expect(readBytes(b, count: 2) == Array("ok".utf8))
        close(b)
        t.close()
        #expect(lstat(link, &st) != 0)            // the link is removed on close
    }
}

@Suite(.serialized) struct TcpTransportTests {
    func connect(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return r == 0 ? fd : -1
    }

    func waitUntil(_ cond: () -> Bool) {
        let end = Date().addingTimeInterval(2)
        while !cond() && Date() < end { usleep(5_000) }
    }

    @Test func oneClientAtATimeWithTelnetBytesStripped() throws {
        let t = try TcpTransport(port: 0)
        defer { t.close() }
        #expect(t.port != 0)
        #expect(t.endpoint == "127.0.0.1:\(t.port)")
        let a = connect(t.port)
        #expect(a >= 0)
        waitUntil { t.clientAttached }
        let hello: [UInt8] = [255, 251, 1, 104, 105, 13, 0]
        _ = send(a, hello, 7, 0)       // IAC WILL ECHO "hi" CR NUL
        #expect(readQueued(t, count: 3) == [104, 105, 13])
        t.write(Array(">>> ".utf8))
        #expect(readBytes(a, count: 4) == Array(">>> ".utf8))

        // a second client waits until the first leaves
        let b = connect(t.port)
        #expect(b >= 0)
        _ = send(b, "second", 6, 0)
        #expect(t.readByte(timeout: 0.2) == nil)
        close(a)
        #expect(readQueued(t, count: 6) == Array("second".utf8))
        t.write(Array("to b".utf8))
        #expect(readBytes(b, count: 4) == Array("to b".utf8))
        close(b)
        // end of input may be a half-close: the client counts as attached until output to it fails
        t.write(Array("anyone?".utf8))
        waitUntil { !t.clientAttached }
        #expect(!t.clientAttached)
        t.write(Array("nobody".utf8))            // dropped, no crash (no SIGPIPE)
    }
}
