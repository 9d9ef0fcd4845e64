import Foundation
import Testing
@testable import MicroPythonCore

// Byte-exact transcripts of the REPL (Interpreter.runRepl) over a scripted console: each input
// chunk is paired with every byte the REPL wrote in answer to it. The raw-REPL and raw-paste
// sequences are those of shared/notes/run-tests-contract.md §5.6 (observed on the reference).

/// Feeds the REPL chunks of input and records what it writes in answer to each.
final class ScriptedConsole: ReplConsole {
    let chunks: [[UInt8]]
    private var ci = 0, pos = 0
    private var out: [UInt8] = []
    private var started = false
    /// responses[0] is what came before the first byte was read (the banner); responses[i] answers chunk i-1.
    private(set) var responses: [[UInt8]] = []
    private(set) var interruptChars: [Int] = []
    /// Called when code starts running (interrupt char set), e.g. to deliver a Ctrl-C meanwhile.
    var onRun: (() -> Void)?

    init(_ chunks: [String]) { self.chunks = chunks.map { Array($0.utf8) } }
    init(bytes: [[UInt8]]) { self.chunks = bytes }

    var exhausted: Bool { ci >= chunks.count }

    func readByte() throws -> UInt8? {
        if !started { started = true; responses.append(out); out = [] }
        while ci < chunks.count && pos >= chunks[ci].count {
            responses.append(out)
            out = []
            ci += 1
            pos = 0
        }
        guard ci < chunks.count else { return nil }
        defer { pos += 1 }
        return chunks[ci][pos]
    }

    func write(_ bytes: [UInt8]) { out += bytes }

    func setInterruptChar(_ char: Int) {
        interruptChars.append(char)
        if char >= 0 { onRun?() }
    }

    /// Closes the transcript after the REPL returned.
    func finish() {
        if !started { responses.append(out); out = []; started = true }
        if !out.isEmpty || responses.count < chunks.count + 1 { responses.append(out); out = [] }
    }

    /// The responses as text: UTF-8 where valid, any other byte as the character of the same
    /// value (the raw-paste window size 0x80 is such a byte).
    var text: [String] { responses.map(wireText) }
}

/// A file of the repository, from this test file's location.
func repoPath(_ relative: String) -> String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent(relative).path
}

func wireText(_ b: [UInt8]) -> String {
    var s = String.UnicodeScalarView()
    var i = 0
    while i < b.count {
        let n = b[i] < 0x80 ? 1 : b[i] >= 0xF0 ? 4 : b[i] >= 0xE0 ? 3 : b[i] >= 0xC2 ? 2 : 0
        if n > 0, i + n <= b.count, let str = String(validatingUTF8: b[i..<(i + n)].map { CChar(bitPattern: $0) } + [0]),
           let u = str.unicodeScalars.first, str.unicodeScalars.count == 1 || n == 1 {
            s.append(u)
            i += n
        } else {
            s.append(Unicode.Scalar(b[i]))
            i += 1
        }
    }
    return String(s)
}

enum ReplHarness {
    /// The banner as it appears on the wire.
    static var banner: String { Interpreter.banner.replacingOccurrences(of: "\n", with: "\r\n") }

    /// Runs the REPL on `console` the way a board does: a soft reset prints "MPY: soft reboot"
    /// and restarts the REPL, until the input is used up. Returns the last exit.
    @discardableResult
    static func runBoard(_ console: ScriptedConsole, boardMode: Bool = true) -> ReplExit {
        Interpreter.replMode = .friendly
        var exit = Interpreter.runRepl(console, boardMode: boardMode)
        while exit == .softReset && !console.exhausted {
            console.write(Array("MPY: soft reboot\r\n".utf8))
            Interpreter.softReset()
            exit = Interpreter.runRepl(console, boardMode: boardMode)
        }
        console.finish()
        Interpreter.replMode = .friendly
        return exit
    }

    /// Pairs of (input, expected output) after the banner.
    static func check(_ steps: [(String, String)], boardMode: Bool = true,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let got: [String] = CoreHarness.run {
            let c = ScriptedConsole(steps.map { $0.0 })
            runBoard(c, boardMode: boardMode)
            return c.text
        }
        #expect(got.first == banner + ">>> ", sourceLocation: sourceLocation)
        for (i, step) in steps.enumerated() {
            let actual = i + 1 < got.count ? got[i + 1] : "<nothing>"
            #expect(actual == step.1, "after \(step.0.debugDescription)", sourceLocation: sourceLocation)
        }
    }
}

extension InterpreterSuites {
@Suite struct ReplTranscriptTests {

    // MARK: friendly REPL

    @Test func evaluatesExpressionsAndKeepsTheLastResultInUnderscore() {
        ReplHarness.check([
            ("1+1\r", "1+1\r\n2\r\n>>> "),
            ("7*6\r", "7*6\r\n42\r\n>>> "),
            ("_+1\r", "_+1\r\n43\r\n>>> "),
            ("None\r", "None\r\n>>> "),
            ("\r", "\r\n>>> "),
        ])
    }

    @Test func compoundStatementsContinueWithAutoIndentUntilBlankLines() {
        ReplHarness.check([
            ("for i in range(2):\r", "for i in range(2):\r\n...     "),
            ("print(i)\r", "print(i)\r\n...     "),
            ("\r", "\r\n...     "),
            ("\r", "\r\n... "),
            ("\r", "\r\n0\r\n1\r\n>>> "),
            // open brackets continue without indent; a space after auto-indent steps back 3
            ("[1,\r", "[1,\r\n... "),
            ("2]\r", "2]\r\n[1, 2]\r\n>>> "),
            ("if 1:\r", "if 1:\r\n...     "),
            (" x=5\r", "\u{8}\u{8}\u{8}x=5\r\n... "),
        ])
    }

    @Test func ctrlCCancelsTheLineAndCtrlDSoftResets() {
        let (text, exit): ([String], ReplExit) = CoreHarness.run {
            let c = ScriptedConsole(["abc\u{3}", "x = 5\r", "def f():\r", "\u{3}", "\u{4}", "x\r"])
            Interpreter.replMode = .friendly
            let e1 = Interpreter.runRepl(c, boardMode: true)
            c.write(Array("MPY: soft reboot\r\n".utf8))
            Interpreter.softReset()
            let e2 = Interpreter.runRepl(c, boardMode: true)
            c.finish()
            #expect(e1 == .softReset)
            return (c.text, e2)
        }
        #expect(exit == .eof)
        #expect(text[1] == "abc\r\n>>> ")
        #expect(text[2] == "x = 5\r\n>>> ")
        #expect(text[3] == "def f():\r\n...     ")
        #expect(text[4] == "\r\n>>> ")
        #expect(text[5] == "\r\nMPY: soft reboot\r\n" + ReplHarness.banner + ">>> ")
        // the soft reset cleared __main__
        #expect(text[6].hasPrefix("x\r\nTraceback (most recent call last):\r\n"))
        #expect(text[6].hasSuffix("NameError: name 'x' isn't defined\r\n>>> "))
    }

    @Test func hostModeExitsOnCtrlDAndSystemExit() {
        let (e1, e2): (ReplExit, ReplExit) = CoreHarness.run {
            let a = ScriptedConsole(["1\r", "\u{4}", "2\r"])
            Interpreter.replMode = .friendly
            let e1 = Interpreter.runRepl(a, boardMode: false)
            let b = ScriptedConsole(["import sys\r", "sys.exit(3)\r", "2\r"])
            let e2 = Interpreter.runRepl(b, boardMode: false)
            return (e1, e2)
        }
        #expect(e1 == .eof)
        #expect(e2 == .systemExit(3))
    }

    @Test func systemExitSoftResetsABoard() {
        ReplHarness.check([
            ("raise SystemExit\r", "raise SystemExit\r\nMPY: soft reboot\r\n" + ReplHarness.banner + ">>> "),
        ])
    }

    @Test func tracebacksAndHelpUseCRLF() {
        ReplHarness.check([
            ("1/0\r", "1/0\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nZeroDivisionError: divide by zero\r\n>>> "),
            ("print('a\\nb')\r", "print('a\\nb')\r\na\r\nb\r\n>>> "),
        ])
        let help: [String] = CoreHarness.run {
            let c = ScriptedConsole(["help()\r"])
            ReplHarness.runBoard(c)
            return c.text
        }
        #expect(help[1].hasPrefix("help()\r\nWelcome to MicroPython!\r\n"))
        #expect(help[1].contains("CTRL-E        -- on a blank line, enter paste mode\r\n"))
        #expect(!help[1].replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func helpPrintsThePortsTextAndTheModules() {
        let stm32 = (try? String(contentsOfFile: repoPath("boards/pyboard-v11/help.txt"), encoding: .utf8)) ?? ""
        #expect(stm32.hasPrefix("Welcome to MicroPython!\n") && stm32.contains("pyb.LED(n)"))
        let text: [String] = CoreHarness.run {
            portInfo.helpText = stm32
            defer { portInfo.helpText = nil }
            let c = ScriptedConsole(["help()\r", "help('modules')\r"])
            ReplHarness.runBoard(c)
            return c.text
        }
        #expect(text[1] == "help()\r\n" + stm32.replacingOccurrences(of: "\n", with: "\r\n") + ">>> ")
        let lines = text[2].components(separatedBy: "\r\n")
        #expect(lines.first == "help('modules')")
        #expect(lines.dropFirst().first?.hasPrefix("__main__          ") == true)
        #expect(lines.contains("Plus any modules on the filesystem"))
        let names = lines.dropFirst().prefix(while: { !$0.hasPrefix("Plus") }).flatMap { $0.split(separator: " ").map(String.init) }
        #expect(names.contains("sys") && names.contains("micropython") && names.contains("asyncio/__init__"))
        // column-first: the first column is sorted top to bottom
        let firstColumn = lines.dropFirst().prefix(while: { !$0.hasPrefix("Plus") }).map { String($0.prefix(18)).trimmingCharacters(in: .whitespaces) }
        #expect(firstColumn == firstColumn.sorted())
    }

    @Test func pasteModeRunsTheTextAsAFile() {
        ReplHarness.check([
            ("\u{5}", "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "),
            ("if 1:\r  print(5)\r", "if 1:\r\n===   print(5)\r\n=== "),
            ("\u{4}", "\r\n5\r\n>>> "),
            ("\u{5}", "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "),
            ("x = 1\u{3}", "x = 1\r\n>>> "),
            ("x\r", "x\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nNameError: name 'x' isn't defined\r\n>>> "),
        ])
    }

    // MARK: line editing, history, completion

    @Test func cursorKeysHomeEndAndEditing() {
        ReplHarness.check([
            ("'abc'", "'abc'"),
            ("\u{1b}[D\u{1b}[D", "\u{8}\u{8}"),                 // left, left
            ("X", "Xc'\u{8}\u{8}"),                              // insert in the middle
            ("\u{1b}[H", "\u{8}\u{8}\u{8}\u{8}"),                // home
            ("\u{1b}[F", "'abXc'"),                               // end
            ("\u{7f}", "\u{8}\u{1b}[K"),                          // backspace at the end
            ("'\r", "'\r\n'abXc'\r\n>>> "),
            ("12345", "12345"),
            ("\u{1}", "\u{1b}[5D"),                               // Ctrl-A on a non-empty line: home
            ("\u{b}", "\u{1b}[K"),                                // Ctrl-K: kill to end
            ("7\u{5}\r", "7\r\n7\r\n>>> "),                       // Ctrl-E: end
            ("a = foo", "a = foo"),
            ("\u{17}", "\u{8}\u{8}\u{8}\u{1b}[K"),               // Ctrl-W: kill a word
            ("\u{15}", "\u{8}\u{8}\u{8}\u{8}\u{1b}[K"),          // Ctrl-U: kill to start
            ("\u{3}", "\r\n>>> "),
        ])
    }

    @Test func historyRecallsEarlierLines() {
        ReplHarness.check([
            ("1+1\r", "1+1\r\n2\r\n>>> "),
            ("20+2\r", "20+2\r\n22\r\n>>> "),
            ("\u{1b}[A", "20+2"),
            ("\u{1b}[A", "\u{8}\u{8}\u{8}\u{8}\u{1b}[K1+1"),
            ("\u{1b}[B", "\u{8}\u{8}\u{8}20+2"),
            ("\u{10}", "\u{8}\u{8}\u{8}\u{8}\u{1b}[K1+1"),       // Ctrl-P
            ("\r", "\r\n2\r\n>>> "),
        ])
    }

    @Test func aSoftResetClearsTheHistory() {
        ReplHarness.check([
            ("1+1\r", "1+1\r\n2\r\n>>> "),
            ("\u{4}", "\r\nMPY: soft reboot\r\n" + ReplHarness.banner + ">>> "),
            ("\u{1b}[A", ""),                                  // nothing to recall
            ("\u{10}\r", "\r\n>>> "),
        ])
    }

    @Test func sysPromptsAreWritable() {
        ReplHarness.check([
            ("import sys; sys.ps1 = 'py> '; sys.ps2 = '..> '\r", "import sys; sys.ps1 = 'py> '; sys.ps2 = '..> '\r\npy> "),
            ("if 1:\r", "if 1:\r\n..>     "),
            ("\u{3}", "\r\npy> "),
            ("\u{4}", "\r\nMPY: soft reboot\r\n" + ReplHarness.banner + ">>> "),   // a soft reset restores them
        ])
    }

    @Test func utf8IsOneColumnPerCharacter() {
        ReplHarness.check([
            ("s = 'é€'\r", "s = 'é€'\r\n>>> "),
            ("s, len(s)\r", "s, len(s)\r\n('é€', 2)\r\n>>> "),
            ("'aé'", "'aé'"),
            ("\u{1b}[D\u{1b}[D", "\u{8}\u{8}"),
            ("\u{7f}", "\u{8}\u{1b}[Ké'\u{8}\u{8}"),
            ("\r", "\r\n'é'\r\n>>> "),
        ])
    }

    @Test func tabCompletesNamesAttributesAndModules() {
        ReplHarness.check([
            ("abc_def = 1; abc_xyz = 2\r", "abc_def = 1; abc_xyz = 2\r\n>>> "),
            ("abc\t", "abc_"),                                       // common prefix
            ("\t", "\r\nabc_def         abc_xyz\r\n>>> abc_"),      // then the candidates
            ("d\t", "def"),
            ("\r", "\r\n1\r\n>>> "),
            ("import math\r", "import math\r\n>>> "),
            ("math.sq\t", "math.sqrt"),
            ("(4)\r", "(4)\r\n2.0\r\n>>> "),
            ("pri\t", "print"),                                       // a builtin
            ("\u{3}", "\r\n>>> "),
            ("imp\t", "import "),
            ("\u{3}", "\r\n>>> "),
            ("x = [1]\r", "x = [1]\r\n>>> "),
            ("x.ap\t", "x.append"),
            ("\u{3}", "\r\n>>> "),
            ("if 1:\r", "if 1:\r\n...     "),
            ("\t", ""),                                              // right after auto-indent: keeps it
            ("\u{3}", "\r\n>>> "),
            ("nothing_here.\t", "nothing_here."),
            ("\u{3}", "\r\n>>> "),
        ])
    }

    // MARK: input() and Ctrl-C while code runs

    @Test func inputReadsALineWithEcho() {
        ReplHarness.check([
            ("x = input('? ')\r", "x = input('? ')\r\n? "),
            ("hi\u{7f}ey\r", "hi\u{8}\u{1b}[Key\r\n>>> "),
            ("x\r", "x\r\n'hey'\r\n>>> "),
        ])
    }

    @Test func sysStdinReadsRawBytesWithoutEchoOnABoard() {
        ReplHarness.check([
            ("import sys; t = sys.stdin.read(3); b = sys.stdin.buffer.read(2)\r", "import sys; t = sys.stdin.read(3); b = sys.stdin.buffer.read(2)\r\n"),
            // no echo; text mode reads "\r" as "\n" (as a board does), the buffer keeps it
            ("é\rx\r\n", ">>> "),
            ("t, b\r", "t, b\r\n('é\\nx', b'\\r\\n')\r\n>>> "),
            ("buf = bytearray(4); n = sys.stdin.buffer.readinto(buf, 3)\r", "buf = bytearray(4); n = sys.stdin.buffer.readinto(buf, 3)\r\n"),
            ("\u{0}\u{18}\u{7f}", ">>> "),
            ("n, buf\r", "n, buf\r\n(3, bytearray(b'\\x00\\x18\\x7f\\x00'))\r\n>>> "),
            ("l = sys.stdin.readline()\r", "l = sys.stdin.readline()\r\n"),
            ("ab\r", ">>> "),
            ("l\r", "l\r\n'ab\\n'\r\n>>> "),
        ])
    }

    @Test func sysStdoutBufferWritesRawBytes() {
        ReplHarness.check([
            ("import sys\r", "import sys\r\n>>> "),
            // print() output is cooked ("\n" -> "\r\n"); the binary stream writes bytes as given
            ("sys.stdout.buffer.write(b'a\\nb\\x18')\r", "sys.stdout.buffer.write(b'a\\nb\\x18')\r\na\nb\u{18}4\r\n>>> "),
            ("sys.stdout.write('c\\nd')\r", "sys.stdout.write('c\\nd')\r\nc\r\nd3\r\n>>> "),
            ("sys.stdout.buffer.write(b'0123456', 2, 3)\r", "sys.stdout.buffer.write(b'0123456', 2, 3)\r\n2343\r\n>>> "),
            ("sys.stdin.buffer is sys.stdout.buffer\r", "sys.stdin.buffer is sys.stdout.buffer\r\nTrue\r\n>>> "),
        ])
    }

    @Test func theTerminalREPLKeepsLineEditingForSysStdinReadline() {
        // the host runner's REPL: as a terminal in canonical mode, readline echoes the line
        ReplHarness.check([
            ("import sys; l = sys.stdin.readline()\r", "import sys; l = sys.stdin.readline()\r\n"),
            ("hi\r", "hi\r\n>>> "),
            ("l\r", "l\r\n'hi\\n'\r\n>>> "),
        ], boardMode: false)
    }

    @Test func ctrlCWhileCodeRunsRaisesKeyboardInterrupt() {
        let text: [String] = CoreHarness.run {
            let c = ScriptedConsole(["while True: pass\r", "\r", "print('alive')\r"])
            // deliver Ctrl-C as a transport does: Py.interrupt() from another thread, a little later
            c.onRun = {
                let t = Thread { usleep(100_000); Py.interrupt() }
                t.start()
            }
            ReplHarness.runBoard(c)
            return c.text
        }
        #expect(text[1] == "while True: pass\r\n... ")
        #expect(text[2] == "\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt: \r\n>>> ")
        #expect(text[3] == "print('alive')\r\nalive\r\n>>> ")
    }

    @Test func theInterruptCharIsSetOnlyWhileCodeRuns() {
        let chars: [Int] = CoreHarness.run {
            let c = ScriptedConsole(["1\r", "import micropython\r", "micropython.kbd_intr(-1)\r"])
            ReplHarness.runBoard(c)
            return c.interruptChars
        }
        // each input sets 3 then -1; kbd_intr(-1) switches it off while its line runs
        #expect(chars == [3, -1, 3, -1, 3, -1, -1])
    }

    // MARK: raw REPL (contract §5.6)

    @Test func rawReplTranscriptOfTheContract() {
        let bannerAndPrompt = ReplHarness.banner + ">>> "
        ReplHarness.check([
            ("\r\u{3}", "\r\n>>> \r\n>>> "),
            ("\r\u{1}", "\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>"),
            ("\u{4}", "OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"),
            ("print('hi')\nprint(1/0)\u{4}",
             "OKhi\r\n\u{4}Traceback (most recent call last):\r\n  File \"<stdin>\", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n\u{4}>"),
            ("\u{5}A\u{1}", "R\u{1}\u{80}\u{0}\u{1}"),
            ("print(2+2)\u{4}", "\u{4}4\r\n\u{4}\u{4}>"),
            ("print('SKIP')\nraise SystemExit\u{4}", "OKSKIP\r\n\u{4}\u{4}MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"),
            ("\u{2}", "\r\n" + bannerAndPrompt),
            ("1+1\r", "1+1\r\n2\r\n>>> "),
            ("\u{4}", "\r\nMPY: soft reboot\r\n" + bannerAndPrompt),
        ])
    }

    @Test func rawReplCtrlCClearsAndCtrlAResets() {
        ReplHarness.check([
            ("\u{1}", "\r\nraw REPL; CTRL-B to exit\r\n>"),
            ("junk\u{3}print(3)\u{4}", "OK3\r\n\u{4}\u{4}>"),
            ("more\u{1}", "raw REPL; CTRL-B to exit\r\n>"),
            ("\u{5}B\u{1}", "R\u{0}>"),                            // unknown raw-paste command
            ("x = 'é'\nprint(x)\u{4}", "OKé\r\n\u{4}\u{4}>"),
            ("\u{2}", "\r\n" + ReplHarness.banner + ">>> "),
        ])
    }

    @Test func rawPasteFlowControlSendsAWindowPerConsumedWindow() {
        // 300 bytes of source: 0x01 after the 128th and the 256th byte, 0x04 at the end
        let adds = 40
        let src = Array(("x = 0\n" + String(repeating: "x += 1\n", count: adds) + "#####\nprint(x)").utf8)
        #expect(src.count == 300)
        let chunks: [[UInt8]] = [[1], [5, 65, 1], Array(src[0..<128]), Array(src[128..<256]), Array(src[256...]) + [4],
                                 [5, 65, 1], Array("1/0".utf8) + [4], [5, 65, 1], Array("x = 1".utf8) + [3]]
        let text: [String] = CoreHarness.run {
            let c = ScriptedConsole(bytes: chunks)
            ReplHarness.runBoard(c)
            return c.text
        }
        #expect(text[1] == "\r\nraw REPL; CTRL-B to exit\r\n>")
        #expect(text[2] == "R\u{1}\u{80}\u{0}\u{1}")
        #expect(text[3] == "\u{1}")
        #expect(text[4] == "\u{1}")
        #expect(text[5] == "\u{4}\(adds)\r\n\u{4}\u{4}>")
        #expect(text[6] == "R\u{1}\u{80}\u{0}\u{1}")
        #expect(text[7] == "\u{4}\u{4}Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nZeroDivisionError: divide by zero\r\n\u{4}>")
        #expect(text[8] == "R\u{1}\u{80}\u{0}\u{1}")
        #expect(text[9] == "\u{4}\u{4}KeyboardInterrupt: \r\n\u{4}>")
    }

    @Test func continuationRulesMatchMicroPython() {
        #expect(replContinueWithInput(Array("if x:".utf8)))
        #expect(replContinueWithInput(Array("def f():\n    pass".utf8)))
        #expect(!replContinueWithInput(Array("def f():\n    pass\n".utf8)))
        #expect(replContinueWithInput(Array("(1,".utf8)))
        #expect(replContinueWithInput(Array("'''abc".utf8)))
        #expect(replContinueWithInput(Array("1 + \\".utf8)))
        #expect(!replContinueWithInput(Array("'('".utf8)))
        #expect(!replContinueWithInput(Array("iffy = 1".utf8)))
        #expect(replContinueWithInput(Array("@decorator".utf8)))
        #expect(!replContinueWithInput(Array("x = '\\''".utf8)))
    }
}
}
