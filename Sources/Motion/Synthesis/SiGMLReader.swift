import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the `hamgestural_sign` elements of a G-SiGML document into ``SignDescription`` values.
public enum SiGMLReader {
    /// Reads every sign in the file at `path`.
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` or ``MotionError/badSign(source:element:reason:)`` for malformed XML.
    public static func signs(path: String) throws -> [SignDescription] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MotionError.cannotRead(path: path, reason: "no such file or not readable")
        }
        return try signs(data: data, source: path)
    }

    /// Reads every sign in a G-SiGML document; `source` names it in errors.
    public static func signs(data: Data, source: String) throws -> [SignDescription] {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let line = parser.lineNumber
            throw MotionError.badSign(source: "\(source):\(line)", element: "xml",
                                      reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "not a SiGML document")
        }
        let signs = collect(root).map { sign -> SignDescription in
            let manual = sign.children.first { $0.name == "sign_manual" } ?? GesturalElement(name: "sign_manual")
            return SignDescription(gloss: sign["gloss"] ?? "?", manual: manual,
                                   nonManual: sign.children.first { $0.name == "sign_nonmanual" }, source: source)
        }
        guard !signs.isEmpty else { throw MotionError.badSign(source: source, element: "hamgestural_sign", reason: "no gestural sign in the file") }
        return signs
    }

    private static func collect(_ element: GesturalElement) -> [GesturalElement] {
        element.name == "hamgestural_sign" ? [element] : element.children.flatMap(collect)
    }
}

/// Builds the element tree while XMLParser reports elements.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [GesturalElement] = []
    var root: GesturalElement?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(GesturalElement(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let element = stack.removeLast()
        if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
    }
}
