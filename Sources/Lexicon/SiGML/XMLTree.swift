import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: name, attributes and child elements (text content is not used by G-SiGML).
struct XMLTree: Equatable {
    var name: String
    var attributes: [String: String]
    var children: [XMLTree]

    /// Parses a whole document.
    /// - Throws: ``LexiconError/invalidSiGML(path:reason:)`` with the parser's line and message.
    static func parse(_ data: Data, path: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "line \(parser.lineNumber): \($0.localizedDescription)" } ?? "no root element"
            throw LexiconError.invalidSiGML(path: path, reason: reason)
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(XMLTree(name: name, attributes: attributes, children: []))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let done = stack.removeLast()
            if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
        }
    }
}
