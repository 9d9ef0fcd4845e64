import Glibc

// The platform module, as MicroPython's extmod/modplatform.c on the unix port:
//   platform()        "Linux-1.28.0-x86_64--with-glibc2.39"   (system-version-arch-platformversion-with-libc)
//   python_compiler() the compiler the port was built with
//   libc_ver()        ("glibc", "2.39")
// The strings come from `platformInfo`, which the board layer may replace before start-up.

public struct PlatformInfo {
    public var system = "Linux"
    public var arch = PlatformInfo.hostArch
    public var platformVersion = ""
    public var compiler = "Swift 6"
    public var libcLib = "glibc"
    public var libcVersion = PlatformInfo.hostLibcVersion
    public init() {}

    static var hostArch: String {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "aarch64"
        #elseif arch(arm)
        return "arm"
        #elseif arch(i386)
        return "x86"
        #else
        return ""
        #endif
    }

    static var hostLibcVersion: String {
        // confstr(_CS_GNU_LIBC_VERSION) gives "glibc 2.39"
        var buf = [CChar](repeating: 0, count: 64)
        let n = confstr(Int32(_CS_GNU_LIBC_VERSION), &buf, 64)
        guard n > 0 else { return "" }
        let s = String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return s.split(separator: " ").last.map(String.init) ?? ""
    }
}

nonisolated(unsafe) public var platformInfo = PlatformInfo()

enum ModulePlatform {
    static func register() {
        moduleAliases["uplatform"] = "platform"
        registerModule("platform") {
            let info = platformInfo
            var version = portInfo.versionString
            if version.hasPrefix("v") { version.removeFirst() }
            let platform = "\(info.system)-\(version)-\(info.arch)-\(info.platformVersion)-with-\(info.libcLib)\(info.libcVersion)"
            let platformStr = romStr(platform)
            let compilerStr = romStr(info.compiler)
            let libc = romTuple([romStr(info.libcLib), romStr(info.libcVersion)])
            return [
                ("platform", .function(fn("platform", 0, 2, kw: true) { _ throws in platformStr })),
                ("python_compiler", .function(fn("python_compiler", 0) { _ throws in compilerStr })),
                ("libc_ver", .function(fn("libc_ver", 0, 4, kw: true) { _ throws in libc })),
            ]
        }
    }
}
