// Substring search for Swift strings. `String.contains(String)` lives in the StringProcessing
// module, which the core does not import (see Package.swift, leanImports).

extension StringProtocol {
    func hasSubstring(_ needle: String) -> Bool {
        let hay = Array(utf8), pat = Array(needle.utf8)
        if pat.isEmpty { return true }
        if pat.count > hay.count { return false }
        for start in 0...(hay.count - pat.count) where hay[start] == pat[0] {
            if hay[start..<(start + pat.count)].elementsEqual(pat) { return true }
        }
        return false
    }
}
