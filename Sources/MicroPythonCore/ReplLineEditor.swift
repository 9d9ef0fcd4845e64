// The REPL's line editor: MicroPython's readline behaviour (shared/readline), byte for byte on the
// wire. One byte in, the terminal updates out: VT100 cursor moves ("\b" for up to 4 columns, else
// ESC[nD), ESC[K to erase, history (up/down, Ctrl-P/N), Home/End, word moves, Emacs-style keys,
// auto-indent and tab completion.
//
// The buffer holds every line of the statement typed so far; `origLen` is where the line being
// edited starts (earlier continuation lines are not editable). UTF-8 input is kept whole: a
// multi-byte character is inserted, moved over and deleted as one column.

/// What the tab key found for the text before the cursor.
enum ReplCompletion {
    case none
    case insert([UInt8])     // one match or a longer common prefix: the bytes to insert
    case list([UInt8])       // several matches: the listing to print ("\n"-separated)
}

final class ReplLineEditor {
    static let historySize = 8
    /// Most recent first; kept across REPL sessions as MicroPython keeps it in its port state.
    nonisolated(unsafe) static var history: [[UInt8]] = []

    private(set) var line: [UInt8] = []
    private var origLen = 0
    private var cursor = 0
    private var prompt: [UInt8] = []
    private var histCur = -1
    private var esc = Esc.none
    private var escDigit: UInt8 = 0
    private var autoIndentEnabled = false
    private var autoIndentJustAdded = false
    private var utf8Pending: [UInt8] = []
    private var utf8Needed = 0
    private var lastWasCR = false

    /// Terminal output (prompts, echo, cursor moves).
    let write: ([UInt8]) -> Void
    /// Program-style output (the completion listing), cooked like print() output.
    let writeText: ([UInt8]) -> Void
    let complete: ([UInt8]) -> ReplCompletion

    private enum Esc { case none, esc, bracket, bracketDigit, escO }

    init(write: @escaping ([UInt8]) -> Void, writeText: @escaping ([UInt8]) -> Void,
         complete: @escaping ([UInt8]) -> ReplCompletion) {
        self.write = write
        self.writeText = writeText
        self.complete = complete
    }

    /// Starts a new statement (readline_init): prints the prompt; auto-indent is on for a fresh buffer.
    func start(_ buffer: [UInt8], prompt: String) {
        line = buffer
        origLen = line.count
        cursor = origLen
        esc = .none
        histCur = -1
        self.prompt = Array(prompt.utf8)
        utf8Pending = []
        write(self.prompt)
        if line.isEmpty { autoIndentEnabled = true }
        autoIndentJustAdded = false
        autoIndent()
    }

    /// A continuation line follows (readline_note_newline): prompt, then auto-indent.
    func noteNewline(prompt: String) {
        origLen = line.count
        cursor = origLen
        self.prompt = Array(prompt.utf8)
        write(self.prompt)
        autoIndent()
    }

    func appendNewline() { line.append(10) }

    /// The text of the line being edited (without earlier continuation lines).
    var currentLine: ArraySlice<UInt8> { line[origLen...] }
    var currentLineIsEmpty: Bool { line.count == origLen }

    /// Feeds one byte. Returns nil while the line is being edited, 0 on Enter, or the control
    /// character (1...5 on an empty line, 3 = cancel) the caller acts on.
    func process(_ c: UInt8) -> Int? {
        // a "\r\n" pair from a terminal or telnet is one Enter; a lone "\n" is Enter too
        if c == 10 && lastWasCR { lastWasCR = false; return nil }
        lastWasCR = c == 13
        let c = c == 10 ? 13 : c
        if esc != .none { processEscape(c); return nil }
        if utf8Needed > 0 {
            if c & 0xC0 == 0x80 {
                utf8Pending.append(c)
                utf8Needed -= 1
                if utf8Needed == 0 { insert(utf8Pending); utf8Pending = [] }
                return nil
            }
            utf8Needed = 0
            utf8Pending = []
        }
        let wasJustAdded = autoIndentJustAdded
        autoIndentJustAdded = false
        switch c {
        case 1...5 where line.count == origLen:
            return Int(c)
        case 1: home()                                  // Ctrl-A
        case 2: left()                                  // Ctrl-B
        case 3: return 3                                // Ctrl-C
        case 4: deleteAtCursor()                        // Ctrl-D on a non-empty line
        case 5: end()                                   // Ctrl-E
        case 6: right()                                 // Ctrl-F
        case 11:                                        // Ctrl-K: kill to end of line
            let old = line.count
            line.removeSubrange(cursor...)
            redraw(from: cursor, oldCount: old, newCursor: cursor)
        case 14: historyDown()                          // Ctrl-N
        case 16: historyUp()                            // Ctrl-P
        case 21:                                        // Ctrl-U: kill to start of line
            let old = line.count
            let start = cursor
            moveBack(to: origLen)
            line.removeSubrange(origLen..<start)
            redraw(from: origLen, oldCount: old, newCursor: origLen)
        case 23: killWordBackward()                     // Ctrl-W
        case 13:
            write([13, 10])
            let text = Array(line[origLen...])
            ReplLineEditor.pushHistory(text)
            return 0
        case 27:
            esc = .esc
        case 8, 127:
            backspace()
        case 9 where wasJustAdded, 32 where wasJustAdded:
            // tab or space right after an auto-indent: keep the indent (tab) or step back to one space
            autoIndentEnabled = false
            if c == 32 {
                line.removeLast(3)
                cursor -= 3
                write(moveBackBytes(3))
            }
        case 9:
            tab()
        case 32...126:
            insert([c])
        case 0xC2...0xF4:
            utf8Needed = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1
            utf8Pending = [c]
        default:
            break
        }
        return nil
    }

    // MARK: - keys

    private func processEscape(_ c: UInt8) {
        switch esc {
        case .esc:
            esc = .none
            switch c {
            case UInt8(ascii: "["): esc = .bracket
            case UInt8(ascii: "O"): esc = .escO
            case UInt8(ascii: "b"): wordLeft()
            case UInt8(ascii: "f"): wordRight()
            case UInt8(ascii: "d"):
                let old = line.count
                let n = wordLength(forward: true)
                line.removeSubrange(cursor..<(cursor + n))
                redraw(from: cursor, oldCount: old, newCursor: cursor)
            case 127: killWordBackward()
            default: break
            }
        case .bracket:
            if c >= 0x30 && c <= 0x39 {
                esc = .bracketDigit
                escDigit = c
                return
            }
            esc = .none
            switch c {
            case UInt8(ascii: "A"): historyUp()
            case UInt8(ascii: "B"): historyDown()
            case UInt8(ascii: "C"): right()
            case UInt8(ascii: "D"): left()
            case UInt8(ascii: "H"): home()
            case UInt8(ascii: "F"): end()
            default: break
            }
        case .bracketDigit:
            esc = .none
            if c == UInt8(ascii: "~") {
                switch escDigit {
                case UInt8(ascii: "1"), UInt8(ascii: "7"): home()
                case UInt8(ascii: "4"), UInt8(ascii: "8"): end()
                case UInt8(ascii: "3"): deleteAtCursor()
                default: break
                }
            } else if c == UInt8(ascii: ";") && escDigit == UInt8(ascii: "1") {
                esc = .bracket          // ESC [ 1 ; 5 C: modifier parameters follow
            } else if escDigit == UInt8(ascii: "5") && c == UInt8(ascii: "C") {
                wordRight()
            } else if escDigit == UInt8(ascii: "5") && c == UInt8(ascii: "D") {
                wordLeft()
            }
        case .escO:
            esc = .none
            if c == UInt8(ascii: "H") { home() } else if c == UInt8(ascii: "F") { end() }
        case .none:
            break
        }
    }

    private func home() { moveBack(to: origLen) }
    private func end() { moveForward(to: line.count) }
    private func left() { if cursor > origLen { moveBack(to: previousCharStart(cursor)) } }
    private func right() { if cursor < line.count { moveForward(to: nextCharEnd(cursor)) } }
    private func wordLeft() { moveBack(to: cursor - wordLength(forward: false)) }
    private func wordRight() { moveForward(to: cursor + wordLength(forward: true)) }

    private func insert(_ bytes: [UInt8]) {
        line.insert(contentsOf: bytes, at: cursor)
        redraw(from: cursor, oldCount: line.count - bytes.count, newCursor: cursor + bytes.count)
    }

    private func backspace() {
        guard cursor > origLen else { return }
        // after auto-indent, backspace removes a whole indent level of 4 spaces
        let typed = line[origLen..<cursor]
        let allSpaces = typed.allSatisfy { $0 == 32 }
        let start = allSpaces && typed.count >= 4 ? cursor - 4 : previousCharStart(cursor)
        let old = line.count
        let end = cursor
        moveBack(to: start)
        line.removeSubrange(start..<end)
        redraw(from: start, oldCount: old, newCursor: start)
    }

    private func deleteAtCursor() {
        guard cursor < line.count else { return }
        let old = line.count
        line.removeSubrange(cursor..<nextCharEnd(cursor))
        redraw(from: cursor, oldCount: old, newCursor: cursor)
    }

    private func killWordBackward() {
        let n = wordLength(forward: false)
        let old = line.count
        let end = cursor
        moveBack(to: cursor - n)
        line.removeSubrange(cursor..<end)
        redraw(from: cursor, oldCount: old, newCursor: cursor)
    }

    private func historyUp() {
        let h = ReplLineEditor.history
        guard histCur + 1 < h.count else { return }
        histCur += 1
        replaceLine(with: h[histCur])
    }

    private func historyDown() {
        guard histCur >= 0 else { return }
        histCur -= 1
        replaceLine(with: histCur >= 0 ? ReplLineEditor.history[histCur] : [])
    }

    private func replaceLine(with text: [UInt8]) {
        let old = line.count
        moveBack(to: origLen)
        line.removeSubrange(origLen...)
        line += text
        redraw(from: origLen, oldCount: old, newCursor: line.count)
    }

    private func tab() {
        // after whitespace (including the newline ending an earlier line) a tab indents by 4
        if !line.isEmpty && cursor > 0 && isSpace(line[cursor - 1]) {
            insert(Array("    ".utf8))
            return
        }
        switch complete(Array(line[origLen..<cursor])) {
        case .none:
            break
        case .insert(let s):
            insert(s)
        case .list(let text):
            writeText(text)
            write(prompt)
            write(Array(line[origLen..<cursor]))
            redraw(from: cursor, oldCount: line.count, newCursor: cursor)
        }
    }

    // MARK: - redrawing

    /// Prints the line from `from` (the cursor is there), erasing leftovers if the line got
    /// shorter, and puts the cursor at `newCursor`.
    private func redraw(from: Int, oldCount: Int, newCursor: Int) {
        var out: [UInt8] = []
        if line.count < oldCount { out += [27, 0x5B, 0x4B] }            // ESC [ K
        out += line[from...]
        out += moveBackBytes(columns(newCursor, line.count))
        write(out)
        cursor = newCursor
    }

    private func moveBack(to target: Int) {
        guard target < cursor else { return }
        write(moveBackBytes(columns(target, cursor)))
        cursor = target
    }

    private func moveForward(to target: Int) {
        guard target > cursor else { return }
        write(Array(line[cursor..<target]))
        cursor = target
    }

    private func moveBackBytes(_ n: Int) -> [UInt8] {
        if n <= 0 { return [] }
        if n <= 4 { return [UInt8](repeating: 8, count: n) }
        return [27, 0x5B] + Array(String(n).utf8) + [UInt8(ascii: "D")]
    }

    /// Terminal columns taken by line[a..<b]: one per character (UTF-8 continuation bytes take none).
    private func columns(_ a: Int, _ b: Int) -> Int {
        guard a < b else { return 0 }
        return line[a..<b].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private func previousCharStart(_ i: Int) -> Int {
        var j = i - 1
        while j > origLen && line[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    private func nextCharEnd(_ i: Int) -> Int {
        var j = i + 1
        while j < line.count && line[j] & 0xC0 == 0x80 { j += 1 }
        return j
    }

    /// Bytes to the next (forward) or previous word boundary, as MicroPython's cursor_count_word.
    private func wordLength(forward: Bool) -> Int {
        var pos = cursor
        var inWord = false
        while forward ? pos < line.count : pos > origLen {
            let c = line[forward ? pos : pos - 1]
            if isWordChar(c) { inWord = true } else if inWord { break }
            pos += forward ? 1 : -1
        }
        return forward ? pos - cursor : cursor - pos
    }

    private func isWordChar(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c >= 0x80
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }

    // MARK: - auto-indent and history

    /// After a line ending in ':' indent one level more than that line; keep the previous line's
    /// indent otherwise; stop after two blank (all-space) lines in a row.
    private func autoIndent() {
        guard autoIndentEnabled, line.count > 1, line[line.count - 1] == 10 else { return }
        var i = line.count - 1
        while i > 0 && line[i - 1] != 10 { i -= 1 }
        var j = i
        while j < line.count && line[j] == 32 { j += 1 }
        if i > 0 && j + 1 == line.count {
            // the previous line is all spaces: no indent if the one before it is too
            var k = i - 1
            while k > 0 {
                if line[k - 1] == 10 { return }
                if line[k - 1] != 32 { break }
                k -= 1
            }
        }
        var n = (j - i) / 4
        if line[line.count - 2] == UInt8(ascii: ":") { n += 1 }
        if n <= 0 { return }
        let indent = [UInt8](repeating: 32, count: 4 * n)
        line += indent
        cursor += indent.count
        write(indent)
        autoIndentJustAdded = true
    }

    static func pushHistory(_ text: [UInt8]) {
        guard !text.isEmpty, history.first != text else { return }
        history.insert(text, at: 0)
        if history.count > historySize { history.removeLast() }
    }
}

/// MicroPython's mp_repl_continue_with_input: does the statement typed so far need more lines?
/// Compound statements continue until a blank line; open brackets, triple quotes and a trailing
/// backslash continue too.
func replContinueWithInput(_ input: [UInt8]) -> Bool {
    if input.isEmpty { return false }
    func startsWithWord(_ w: String) -> Bool {
        let wb = Array(w.utf8)
        guard input.count >= wb.count, Array(input[0..<wb.count]) == wb else { return false }
        if input.count == wb.count { return true }
        let c = input[wb.count]
        return !(c == 95 || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c >= 0x80)
    }
    let compound = input[0] == UInt8(ascii: "@")
        || ["if", "while", "for", "try", "with", "def", "class", "async"].contains(where: startsWithWord)
    enum Q { case none, single1, double1, single3, double3 }
    var q = Q.none
    var paren = 0, brack = 0, brace = 0
    var i = 0
    let sq = UInt8(ascii: "'"), dq = UInt8(ascii: "\""), bs = UInt8(ascii: "\\")
    func at(_ k: Int) -> UInt8 { k < input.count ? input[k] : 0 }
    while i < input.count {
        let c = input[i]
        if c == sq {
            if (q == .none || q == .single3) && at(i + 1) == sq && at(i + 2) == sq {
                i += 2
                q = q == .none ? .single3 : .none
            } else if q == .none || q == .single1 {
                q = q == .none ? .single1 : .none
            }
        } else if c == dq {
            if (q == .none || q == .double3) && at(i + 1) == dq && at(i + 2) == dq {
                i += 2
                q = q == .none ? .double3 : .none
            } else if q == .none || q == .double1 {
                q = q == .none ? .double1 : .none
            }
        } else if c == bs && (at(i + 1) == sq || at(i + 1) == dq || at(i + 1) == bs) {
            if q != .none { i += 1 }
        } else if q == .none {
            switch c {
            case UInt8(ascii: "("): paren += 1
            case UInt8(ascii: ")"): paren -= 1
            case UInt8(ascii: "["): brack += 1
            case UInt8(ascii: "]"): brack -= 1
            case UInt8(ascii: "{"): brace += 1
            case UInt8(ascii: "}"): brace -= 1
            default: break
            }
        }
        i += 1
    }
    if q == .single3 || q == .double3 { return true }
    if (paren > 0 || brack > 0 || brace > 0) && q == .none { return true }
    if input.last == bs { return true }
    if compound && input.last != 10 { return true }
    return false
}
