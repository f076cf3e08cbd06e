import Foundation

/// The one-line syntax of a phonology node: `kind name=value name="value with spaces"`.
enum NodeSyntax {
    /// Splits a node line (without indentation) into words; quoted values may hold spaces, `\"` and `\\`.
    /// Returns nil when a quote is not closed.
    static func words(_ line: Substring) -> [String]? {
        if !line.utf8.contains(0x22) && !line.utf8.contains(0x09) {
            return line.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        }
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var started = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                started = true
            } else if !inQuotes && (character == " " || character == "\t") {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if inQuotes || escaped { return nil }
        if started { words.append(current) }
        return words
    }

    /// Writes `name=value`, quoting the value when it needs it.
    static func attribute(_ attribute: NodeAttribute) -> String {
        let value = attribute.value
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\\" }
        guard needsQuotes else { return "\(attribute.name)=\(value)" }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(attribute.name)=\"\(escaped)\""
    }

    /// Writes a node and its children as indented lines, starting at `depth` (two spaces per level).
    static func lines(_ node: PhonologyNode, depth: Int) -> [String] {
        let head = ([node.kind.rawValue] + node.attributes.map(attribute)).joined(separator: " ")
        return [String(repeating: "  ", count: depth) + head] + node.children.flatMap { lines($0, depth: depth + 1) }
    }
}
