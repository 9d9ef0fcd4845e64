// freeze-tool FIRMWARE_DIR OUTPUT.swift
//
// Reads every .py file under FIRMWARE_DIR and writes a Swift file defining
//     let frozenFirmware: [(name: String, isPackage: Bool, source: StaticString)]
// with each module's source as a raw multi-line string literal (fast to compile, unlike byte
// arrays). Module names come from paths: asyncio/__init__.py -> "asyncio" (a package),
// asyncio/core.py -> "asyncio.core"; a directory without __init__.py becomes an empty package.
// Run by the FreezeFirmware build-tool plugin.
//
// freeze-tool --boards BOARDS_DIR OUTPUT.swift
//
// Writes `embeddedBoards` and `embeddedLayouts` ([(id: String, json: StaticString)]) with the text of
// every BOARDS_DIR/<id>/board.json and layout.json, so a board is data compiled into the binary (EmbedBoards plugin).
//
// Plain POSIX only (no Foundation), so it builds anywhere the toolchain does.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("freeze-tool needs a POSIX C library")
#endif

func printError(_ message: String) {
    let bytes = Array(message.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, bytes.count) }
}

func fail(_ message: String) -> Never {
    printError("freeze-tool: error: \(message)\n")
    exit(1)
}

func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}

func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, f) }
        if n > 0 { out.append(contentsOf: chunk[0..<n]) }
        if n < 65536 {
            if ferror(f) != 0 { return nil }
            break
        }
    }
    return out
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let tmp = path + ".tmp"
    guard let f = fopen(tmp, "wb") else { fail("cannot write \(tmp)") }
    let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, f) }
    if n != bytes.count || fclose(f) != 0 { fail("cannot write \(tmp)") }
    if rename(tmp, path) != 0 { fail("cannot rename \(tmp) to \(path)") }
}

/// Entries of a directory (no "." / "..", no hidden files, no __pycache__), sorted.
func listDirectory(_ path: String) -> [String] {
    guard let d = opendir(path) else { fail("cannot read directory \(path)") }
    defer { closedir(d) }
    var names: [String] = []
    while let ent = readdir(d) {
        let name = withUnsafeBytes(of: ent.pointee.d_name) { raw -> String in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        if name.hasPrefix(".") || name == "__pycache__" { continue }
        names.append(name)
    }
    return names.sorted()
}

func isIdentifier(_ s: Substring) -> Bool {
    guard let first = s.utf8.first, !(first >= 48 && first <= 57) else { return false }
    return s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
}

struct Module {
    var name: String
    var isPackage: Bool
    var source: [UInt8]
}

/// Walks `dir` (relative path `rel` from the firmware root) collecting modules.
func collect(_ dir: String, _ rel: [String], into modules: inout [Module]) {
    for entry in listDirectory(dir) {
        let path = dir + "/" + entry
        if isDirectory(path) {
            if isIdentifier(Substring(entry)) { collect(path, rel + [entry], into: &modules) }
            continue
        }
        guard entry.hasSuffix(".py") else { continue }
        let stem = entry.dropLast(3)
        guard isIdentifier(stem) else { fail("\(path): '\(stem)' is not a valid module name") }
        guard var source = readFile(path) else { fail("cannot read \(path)") }
        if source.starts(with: [0xEF, 0xBB, 0xBF]) { source.removeFirst(3) }
        guard Array(String(decoding: source, as: UTF8.self).utf8) == source else { fail("\(path) is not valid UTF-8") }
        if stem == "__init__" {
            if rel.isEmpty { continue }  // firmware/__init__.py would name no module
            modules.append(Module(name: rel.joined(separator: "."), isPackage: true, source: source))
        } else {
            modules.append(Module(name: (rel + [String(stem)]).joined(separator: "."), isPackage: false, source: source))
        }
    }
}

/// A raw multi-line string literal whose value is exactly `source`.
func rawLiteral(_ source: [UInt8]) -> [UInt8] {
    // More '#' than the longest run in the text, so neither the closing delimiter nor an escape
    // can appear by accident.
    var longest = 0, run = 0
    for b in source {
        if b == UInt8(ascii: "#") { run += 1; longest = max(longest, run) } else { run = 0 }
    }
    let hashes = [UInt8](repeating: UInt8(ascii: "#"), count: longest + 1)
    var out = hashes + Array("\"\"\"\n".utf8)
    let hex = Array("0123456789ABCDEF".utf8)
    for b in source {
        // Control characters (other than newline and tab) are written as escapes: a literal CR
        // would be normalised away and other controls are not allowed in Swift source.
        if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F {
            out.append(UInt8(ascii: "\\"))
            out += hashes
            out += Array("u{".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)], UInt8(ascii: "}")]
        } else {
            out.append(b)
        }
    }
    // The newline before the closing delimiter is not part of the value.
    out += Array("\n\"\"\"".utf8) + hashes
    return out
}

/// The boards/<id>/board.json texts as a Swift table.
func embedBoards(_ dir: String, _ output: String) {
    var boards: [(String, [UInt8])] = []
    var layouts: [(String, [UInt8])] = []
    var helps: [(String, [UInt8])] = []
    if isDirectory(dir) {
        for entry in listDirectory(dir) where isDirectory(dir + "/" + entry) {
            for (name, into) in [("board.json", 0), ("layout.json", 1), ("help.txt", 2)] {
                let path = dir + "/" + entry + "/" + name
                guard let text = readFile(path) else { continue }
                guard Array(String(decoding: text, as: UTF8.self).utf8) == text else { fail("\(path) is not valid UTF-8") }
                if into == 0 { boards.append((entry, text)) } else if into == 1 { layouts.append((entry, text)) } else { helps.append((entry, text)) }
            }
        }
    }
    var out: [UInt8] = Array("""
    // Generated by freeze-tool from boards/ (\(boards.count) boards): do not edit.

    let embeddedBoards: [(id: String, json: StaticString)] = [

    """.utf8)
    for (id, text) in boards {
        out += Array("(id: \"\(id)\", json: ".utf8) + rawLiteral(text) + Array("),\n".utf8)
    }
    out += Array("]\n\n/// The window art of each board (boards/<id>/layout.json), for the front end.\nlet embeddedLayouts: [(id: String, json: StaticString)] = [\n".utf8)
    for (id, text) in layouts {
        out += Array("(id: \"\(id)\", json: ".utf8) + rawLiteral(text) + Array("),\n".utf8)
    }
    out += Array("]\n\n/// What help() prints on each board (boards/<id>/help.txt).\nlet embeddedHelpTexts: [(id: String, text: StaticString)] = [\n".utf8)
    for (id, text) in helps {
        out += Array("(id: \"\(id)\", text: ".utf8) + rawLiteral(text) + Array("),\n".utf8)
    }
    out += Array("]\n".utf8)
    if readFile(output) != out { writeFile(output, out) }
}

let args = CommandLine.arguments
if args.count == 4 && args[1] == "--boards" {
    embedBoards(args[2], args[3])
    exit(0)
}
guard args.count == 3 else {
    printError("usage: freeze-tool FIRMWARE_DIR OUTPUT.swift\n")
    exit(2)
}
let firmwareDir = args[1].hasSuffix("/") && args[1].count > 1 ? String(args[1].dropLast()) : args[1]
var modules: [Module] = []
if isDirectory(firmwareDir) { collect(firmwareDir, [], into: &modules) }
// A directory of modules without an __init__.py is still a package (as MicroPython treats
// directories): give it an empty one.
var names = Set(modules.map(\.name))
for m in modules {
    var parts = m.name.split(separator: ".").dropLast()
    while !parts.isEmpty {
        let parent = parts.joined(separator: ".")
        if names.insert(parent).inserted { modules.append(Module(name: parent, isPackage: true, source: [])) }
        parts = parts.dropLast()
    }
}
modules.sort { $0.name < $1.name }

var text: [UInt8] = Array("""
// Generated by freeze-tool from firmware/ (\(modules.count) modules): do not edit.

let frozenFirmware: [(name: String, isPackage: Bool, source: StaticString)] = [

""".utf8)
for m in modules {
    text += Array("(name: \"\(m.name)\", isPackage: \(m.isPackage), source: ".utf8)
    text += rawLiteral(m.source)
    text += Array("),\n".utf8)
}
text += Array("]\n".utf8)

if readFile(args[2]) != text { writeFile(args[2], text) }
