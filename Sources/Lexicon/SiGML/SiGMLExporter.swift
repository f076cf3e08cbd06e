import Foundation
/// Writes entries as a G-SiGML document that SiGML players (JASigning, performs) and ``SiGMLImporter`` read.
public enum SiGMLExporter {
    /// A `<sigml>` document with one `<hamgestural_sign>` per entry.
    ///
    /// G-SiGML has no compound element, so an expanded compound (a loaded lexicon's entry with ``LexiconEntry/compound``)
    /// is written as one sign per part, in order, glossed `COMPOUND/n` after a comment naming the parts; players
    /// sign them one after another. The compound's non-manual tiers go with its first part.
    public static func document(_ entries: [LexiconEntry]) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<sigml>"]
        for entry in entries {
            let parts = entry.phonology.manual.children.filter { $0.kind == .signManual }
            guard entry.compound != nil, !parts.isEmpty else {
                lines += sign(entry.gloss, entry.phonology.nonManual, entry.phonology.manual)
                continue
            }
            lines.append("  <!-- compound \(comment(entry.gloss)): \(comment(entry.compound!.joined(separator: " + "))) -->")
            for (index, part) in parts.enumerated() {
                lines += sign("\(entry.gloss)/\(index + 1)", index == 0 ? entry.phonology.nonManual : [], part)
            }
        }
        lines.append("</sigml>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func sign(_ gloss: String, _ nonManual: [PhonologyNode], _ manual: PhonologyNode) -> [String] {
        var lines = ["  <hamgestural_sign gloss=\"\(escape(gloss))\">"]
        if nonManual.isEmpty {
            lines.append("    <sign_nonmanual/>")
        } else {
            lines.append("    <sign_nonmanual>")
            lines += nonManual.flatMap { element($0, depth: 3) }
            lines.append("    </sign_nonmanual>")
        }
        lines += element(manual, depth: 2)
        lines.append("  </hamgestural_sign>")
        return lines
    }

    /// Text safe inside an XML comment (no `--`).
    private static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "- -")
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
