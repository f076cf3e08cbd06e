import Foundation
import Lexicon

/// One sign to synthesise: its gloss and its phonology in Lexicon's typed vocabulary (the manual part and the
/// non-manual tiers), so a lexicon entry and an imported G-SiGML sign drive the synthesiser in the same way.
public struct SignDescription: Sendable, Hashable, Codable {
    /// The gloss, for time spans and messages.
    public var gloss: String
    /// How the sign is made.
    public var phonology: Phonology
    /// Where the description came from (a file name, `lexicon:ID`), for error messages.
    public var source: String
    /// The mouth shapes to show with the sign (the mouthed word), when resolved by the caller; they replace the
    /// sign's own `mouth_picture`. Nil: the sign's `mouth_picture`, read as SAMPA, when it has one.
    public var mouthing: [Viseme]?

    /// Creates a sign description.
    public init(gloss: String, phonology: Phonology, source: String, mouthing: [Viseme]? = nil) {
        self.gloss = gloss
        self.phonology = phonology
        self.source = source
        self.mouthing = mouthing
    }

    /// The sign of a lexicon entry.
    public init(entry: LexiconEntry) {
        self.init(gloss: entry.gloss, phonology: entry.phonology, source: "lexicon:\(entry.id)")
    }
}

extension SignDescription {
    /// The signs of a G-SiGML document, read by Lexicon's ``SiGMLImporter``; `source` names it in errors, and
    /// every element, attribute or value the vocabulary does not support is counted in `report` and left out.
    /// - Throws: ``MotionError/badSign(source:element:reason:)`` when the document is not G-SiGML.
    public static func signs(sigml data: Data, source: String, report: inout SiGMLImportReport) throws -> [SignDescription] {
        do {
            return try SiGMLImporter.signs(in: data, path: source, report: &report).map {
                SignDescription(gloss: $0.gloss, phonology: $0.phonology, source: source)
            }
        } catch let LexiconError.invalidSiGML(path, reason) {
            throw MotionError.badSign(source: path, element: "sigml", reason: reason)
        }
    }

    /// The signs of the G-SiGML file at `path` (see ``signs(sigml:source:report:)``).
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` or ``MotionError/badSign(source:element:reason:)``.
    public static func signs(sigmlFile path: String, report: inout SiGMLImportReport) throws -> [SignDescription] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MotionError.cannotRead(path: path, reason: "no such file or not readable")
        }
        return try signs(sigml: data, source: path, report: &report)
    }
}
