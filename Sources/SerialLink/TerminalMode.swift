import Glibc

// Raw mode for the host terminal, as the unix port's mp_hal_stdio_mode_raw: no echo, no line
// buffering, no signals from keys (Ctrl-C reaches the REPL as a byte), 8-bit input; output
// processing is left on (ONLCR adds the "\r" to "\n"). The original mode comes back on close, at
// exit, and on fatal or terminating signals.

nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var savedFd: Int32 = -1

private func restoreSaved() {
    if savedFd >= 0 { _ = tcsetattr(savedFd, TCSANOW, &savedTermios) }
}

private func onFatalSignal(_ sig: Int32) {
    restoreSaved()
    savedFd = -1
    signal(sig, SIG_DFL)
    raise(sig)
}

enum TerminalMode {
    static let fatalSignals: [Int32] = [SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE]
    nonisolated(unsafe) static var atexitInstalled = false

    /// Puts `fd` in raw mode; false if it is not a terminal.
    static func enterRaw(_ fd: Int32) -> Bool {
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { return false }
        savedTermios = t
        savedFd = fd
        t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        t.c_cflag = (t.c_cflag & ~tcflag_t(CSIZE | PARENB)) | tcflag_t(CS8)
        t.c_lflag = 0
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSAFLUSH, &t) == 0 else { savedFd = -1; return false }
        for s in fatalSignals { signal(s, onFatalSignal) }
        if !atexitInstalled {
            atexitInstalled = true
            atexit { restoreSaved() }
        }
        return true
    }

    static func restore() {
        restoreSaved()
        savedFd = -1
        for s in fatalSignals { signal(s, SIG_DFL) }
    }
}
