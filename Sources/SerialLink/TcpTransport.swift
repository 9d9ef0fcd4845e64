import Glibc

// The REPL on a TCP port of 127.0.0.1, one client at a time (others wait in the listen queue
// until it leaves). Telnet negotiation bytes are stripped (TelnetFilter), so both raw socket
// clients (socat, pyserial's socket://) and telnet work. With no client attached, output is dropped.

public final class TcpTransport: SerialPort {
    public let port: UInt16
    private let listenFd: Int32
    private var client: Int32 = -1
    private let clientLock = Lock()
    public var stallTimeout = 2.0

    public enum Failure: Error, CustomStringConvertible {
        case socket(String)
        public var description: String { switch self { case .socket(let s): return s } }
    }

    /// Listens on 127.0.0.1:`port` (0: any free port; `port` tells which).
    public init(port: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0, listen(fd, 4) == 0 else {
            let msg = String(cString: strerror(errno))
            Glibc.close(fd)
            throw Failure.socket("cannot listen on 127.0.0.1:\(port): \(msg)")
        }
        var bound = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.port = UInt16(bigEndian: bound.sin_port)
        listenFd = fd
        super.init()
        startThread { [weak self] in self?.acceptLoop() }
    }

    private func acceptLoop() {
        var buf = [UInt8](repeating: 0, count: 1024)
        while !input.isClosed {
            let c = accept(listenFd, nil, nil)
            if c < 0 { if errno == EINTR || errno == ECONNABORTED { continue }; return }
            var one: Int32 = 1
            setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            clientLock.with { client = c }
            var telnet = TelnetFilter()
            var eof = false
            while true {
                let n = buf.withUnsafeMutableBytes { recv(c, $0.baseAddress, 1024, 0) }
                if n < 0 && errno == EINTR { continue }
                if n == 0 { eof = true }
                if n <= 0 { break }
                received(telnet.filter(Array(buf[0..<n])))
            }
            // End of input may be a half-close (e.g. `printf ... | socat - TCP:...`): the client
            // still reads output until it goes away, a send fails, or another client connects.
            while eof && !input.isClosed && clientLock.with({ client == c }) {
                var fds = [pollfd(fd: c, events: 0, revents: 0), pollfd(fd: listenFd, events: Int16(POLLIN), revents: 0)]
                _ = poll(&fds, 2, 100)
                if fds[0].revents & Int16(POLLERR | POLLHUP) != 0 || fds[1].revents & Int16(POLLIN) != 0 { break }
            }
            clientLock.with { if client == c { client = -1 } }
            Glibc.close(c)
        }
    }

    public var clientAttached: Bool { clientLock.with { client >= 0 } }

    public override func write(_ bytes: [UInt8]) {
        clientLock.with {
            guard client >= 0 else { return }
            let c = client
            bytes.withUnsafeBytes { raw in
                var off = 0
                var waited = 0.0
                while off < raw.count {
                    let n = send(c, raw.baseAddress! + off, raw.count - off, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                    if n > 0 { off += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 && (errno == EPIPE || errno == ECONNRESET) { client = -1; return }   // the client left
                    guard n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK), waited < stallTimeout else { return }
                    var p = pollfd(fd: c, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 50)
                    waited += 0.05
                }
            }
        }
    }

    public override func close() {
        super.close()
        shutdown(listenFd, Int32(SHUT_RDWR))
        Glibc.close(listenFd)
        clientLock.with { if client >= 0 { shutdown(client, Int32(SHUT_RDWR)) } }
    }

    public override var endpoint: String { "127.0.0.1:\(port)" }
}
