import Foundation

/// A file split into lines, each decoded as UTF-8 on its own so a bad byte is reported with its line number.
struct TextLines {
    /// The decoded lines (a line with bad UTF-8 is empty here and listed in ``badLines``).
    let lines: [Substring]
    /// 1-based numbers of lines that are not valid UTF-8.
    let badLines: [Int]

    init(_ data: Data) {
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

/// `text` without leading and trailing spaces and tabs.
func trimmed(_ text: Substring) -> Substring {
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
