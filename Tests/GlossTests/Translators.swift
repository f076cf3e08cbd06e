import Foundation
import Gloss
import TestSupport

/// The shipped CSL and ASL translators, loaded once from the package's `Lexicon/` folder.
enum Translators {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path
    static let csl = Result { try GlossTranslator.load(root: root, signLanguage: "csl") }
    static let asl = Result { try GlossTranslator.load(root: root, signLanguage: "asl") }

    /// The source words of the glosses in signing order (pauses left out; parts of one word counted once).
    static func signedWords(_ sequence: GlossSequence) -> [String] {
        var words: [String] = []
        var previous: Gloss?
        for gloss in sequence.glosses where gloss.kind != .pause {
            defer { previous = gloss }
            if let previous, previous.source == gloss.source, previous.start == gloss.start,
               [.decomposition, .synonym, .segmentation, .characters].contains(gloss.match) { continue }
            words.append(gloss.source.joined(separator: " "))
        }
        return words
    }

    /// A fixture file's path.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
