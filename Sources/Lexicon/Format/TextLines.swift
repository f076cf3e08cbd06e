import Foundation

/// A file split into lines, each decoded as UTF-8 on its own so a bad byte is reported with its line number.
struct TextLines {
    /// The decoded lines (a line with bad UTF-8 is empty here and listed in ``badLines``).
    let lines: [Substring]
    /// 1-based numbers of lines that are not valid UTF-8.
    let badLines: [Int]

    init(_ data: Data) {
        // The usual case, a valid file: one string, lines as substrings of it (no allocation per line).
        let whole = data.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) }
        if var text = whole {
            // Line boundaries by byte offset, then substrings by UTF-8 offset (constant time on native strings).
            var bounds: [(start: Int, end: Int)] = []
            text.withUTF8 { bytes in
                var start = 0
                for index in 0..<bytes.count where bytes[index] == 0x0A {
                    bounds.append((start, index > start && bytes[index - 1] == 0x0D ? index - 1 : index))
                    start = index + 1
                }
                if start < bytes.count { bounds.append((start, bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count)) }
            }
            let utf8 = text.utf8
            lines = bounds.map { bound in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)])
            }
            badLines = []
            return
        }
        var lines: [Substring] = []
        var bad: [Int] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var index = 0
            func addLine(_ end: Int) {
                var slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let last = slice.last, last == 0x0D { slice = UnsafeBufferPointer(rebasing: slice.dropLast()) }
                if let text = String(validating: slice, as: UTF8.self) {
                    lines.append(Substring(text))
                } else {
                    lines.append("")
                    bad.append(lines.count)
                }
            }
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    addLine(index)
                    start = index + 1
                }
                index += 1
            }
            if start < bytes.count { addLine(bytes.count) }
        }
        self.lines = lines
        badLines = bad
    }
}

/// Splits `key: value` at the first colon; nil when the line has no colon.
func splitField(_ line: Substring) -> (key: Substring, value: Substring)? {
    guard let colon = line.utf8.firstIndex(of: 0x3A) else { return nil }
    return (line[..<colon], trimmed(line[line.utf8.index(after: colon)...]))
}

/// `text` without leading and trailing spaces and tabs (a CR of a CRLF file is already gone from ``TextLines``).
public func trimmed(_ text: Substring) -> Substring {
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
    while end > start {
        let before = bytes.index(before: end)
        guard bytes[before] == 0x20 || bytes[before] == 0x09 else { break }
        end = before
    }
    return text[start..<end]
}

/// Text as a dictionary key compared and hashed by its UTF-8 bytes, skipping the Unicode normalisation that
/// `String` and `Substring` hashing does: for the parser's caches of ASCII syntax (field names, node lines).
struct ByteKey: Hashable {
    let text: Substring

    init(_ text: Substring) { self.text = text }

    static func == (a: ByteKey, b: ByteKey) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}

extension Substring {
    /// The fields of a record separated by an ASCII byte (a tab, a space), found by UTF-8 bytes: splitting by
    /// `Character` walks grapheme clusters, which is several times slower on the generated word lists' CJK text.
    public func fields(separatedBy separator: UInt8) -> [Substring] {
        var result: [Substring] = []
        var start = startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == separator {
                if start < index { result.append(self[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < endIndex { result.append(self[start..<endIndex]) }
        return result
    }
}
