import CSupport
import Glibc

// A pseudo-terminal as the board's USB serial port: clients (mpremote, picocom, pyserial) open
// the slave side, /dev/pts/N. The slave is set to raw mode once (the setting stays with the pty),
// so a client that does not configure the port still gets bytes unchanged and no echo.
//
// Clients may detach and re-attach while the REPL keeps running: with no client the master
// reports POLLHUP (reads fail with EIO) and output is dropped, as a board's USB CDC drops output
// when no host reads it. A client that stops reading stalls output for at most `stallTimeout`.

public final class PtyTransport: SerialPort {
    public let master: Int32
    /// The slave device, e.g. /dev/pts/3.
    public let path: String
    /// A stable symlink to `path` (removed on close), if asked for.
    public let linkPath: String?
    public var stallTimeout = 2.0
    private var stalled = false
    private let writeLock = Lock()

    public enum Failure: Error, CustomStringConvertible {
        case open(String)
        public var description: String { switch self { case .open(let s): return s } }
    }

    public init(link: String? = nil) throws {
        var name = [CChar](repeating: 0, count: 128)
        let m = mb_open_pty(&name, name.count)
        guard m >= 0 else { throw Failure.open("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))") }
        master = m
        path = String(cString: name)
        // raw mode on the slave side, kept by the pty across client opens
        let s = open(path, O_RDWR | O_NOCTTY)
        if s >= 0 {
            var t = termios()
            if tcgetattr(s, &t) == 0 {
                cfmakeraw(&t)
                cfsetispeed(&t, speed_t(B115200))
                cfsetospeed(&t, speed_t(B115200))
                _ = tcsetattr(s, TCSANOW, &t)
            }
            Glibc.close(s)
        }
        _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
        if let link = link {
            var st = stat()
            if lstat(link, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK { unlink(link) }
            guard symlink(path, link) == 0 else {
                Glibc.close(m)
                throw Failure.open("cannot create link \(link): \(String(cString: strerror(errno)))")
            }
            linkPath = link
        } else {
            linkPath = nil
        }
        super.init()
        PtyTransport.registerForCleanup(self)
        startThread { [weak self] in self?.readLoop() }
    }

    private func readLoop() {
        var buf = [UInt8](repeating: 0, count: 1024)
        while !input.isClosed {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let r = poll(&p, 1, 100)
            if r < 0 { if errno == EINTR { continue }; break }
            if r == 0 { continue }
            if p.revents & Int16(POLLIN) != 0 {
                let n = buf.withUnsafeMutableBytes { read(master, $0.baseAddress, 1024) }
                if n > 0 { received(Array(buf[0..<n])); continue }
                if n < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            }
            if p.revents & Int16(POLLHUP | POLLERR) != 0 {
                usleep(20_000)      // no client attached: wait for one
            }
        }
    }

    /// True while a client has the slave side open (or none ever opened it).
    public var clientAttached: Bool {
        var p = pollfd(fd: master, events: 0, revents: 0)
        return poll(&p, 1, 0) >= 0 && p.revents & Int16(POLLHUP) == 0
    }

    public override func write(_ bytes: [UInt8]) {
        writeLock.with {
            guard clientAttached else { return }
            bytes.withUnsafeBytes { raw in
                var off = 0
                var waited = 0.0
                while off < raw.count {
                    let n = Glibc.write(master, raw.baseAddress! + off, raw.count - off)
                    if n > 0 { off += n; stalled = false; continue }
                    if n < 0 && errno == EINTR { continue }
                    guard n < 0 && errno == EAGAIN, !stalled, waited < stallTimeout else {
                        if n < 0 && errno == EAGAIN { stalled = true }
                        return          // no reader: drop the rest
                    }
                    var p = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 50)
                    waited += 0.05
                    if p.revents & Int16(POLLHUP) != 0 { return }
                }
            }
        }
    }

    public override func close() {
        super.close()
        if let l = linkPath { unlink(l) }
        PtyTransport.unregister(self)
    }

    public override var endpoint: String { path }

    // The link is removed even when the process ends by a signal.
    nonisolated(unsafe) private static var links: [String] = []
    private static func registerForCleanup(_ t: PtyTransport) {
        guard let l = t.linkPath else { return }
        links.append(l)
        linkCleanupPaths = links.map { strdup($0) }
        atexit { removeLinks() }
    }
    private static func unregister(_ t: PtyTransport) {
        links.removeAll { $0 == t.linkPath }
    }
}

nonisolated(unsafe) private var linkCleanupPaths: [UnsafeMutablePointer<CChar>?] = []

/// Removes the stable links (also called from signal handlers: only unlink).
public func removeLinks() {
    for p in linkCleanupPaths { if let p = p { unlink(p) } }
}
