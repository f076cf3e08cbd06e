/// Writes entries as a G-SiGML document that SiGML players (JASigning, performs) and ``SiGMLImporter`` read.
public enum SiGMLExporter {
    /// A `<sigml>` document with one `<hamgestural_sign>` per entry.
    public static func document(_ entries: [LexiconEntry]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<sigml>"]
        for entry in entries {
            lines.append("  <hamgestural_sign gloss=\"\(escape(entry.gloss))\">")
            if entry.phonology.nonManual.isEmpty {
                lines.append("    <sign_nonmanual/>")
            } else {
                lines.append("    <sign_nonmanual>")
                lines += entry.phonology.nonManual.flatMap { element($0, depth: 3) }
                lines.append("    </sign_nonmanual>")
            }
            lines += element(entry.phonology.manual, depth: 2)
            lines.append("  </hamgestural_sign>")
        }
        lines.append("</sigml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func element(_ node: PhonologyNode, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let attributes = node.attributes.map { " \($0.name)=\"\(escape($0.value))\"" }.joined()
        guard !node.children.isEmpty else { return ["\(indent)<\(node.kind.rawValue)\(attributes)/>"] }
        return ["\(indent)<\(node.kind.rawValue)\(attributes)>"]
            + node.children.flatMap { element($0, depth: depth + 1) }
            + ["\(indent)</\(node.kind.rawValue)>"]
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
