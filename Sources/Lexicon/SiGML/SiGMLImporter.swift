import Foundation

/// Reads G-SiGML (`<sigml><hamgestural_sign>…`) into lexicon entries, keeping every element and attribute
/// that ``NodeSchema`` supports and reporting the rest by name and count.
public enum SiGMLImporter {
    /// The result of importing a folder: a lexicon and the report.
    public struct Result: Sendable {
        /// The imported sign language.
        public var lexicon: Lexicon
        /// What was read and what was dropped.
        public var report: SiGMLImportReport
    }

    /// Imports every `*.sigml` file in `folder` as sign language `code` whose words are in `spokenLanguage`.
    ///
    /// Ids come from the file names, words from the glosses (`TIEN_10` → `tien`), category `imported`.
    /// - Throws: ``LexiconError/cannotRead(path:reason:)`` when the folder cannot be listed.
    public static func importFolder(_ folder: String, code: String, spokenLanguage: String) throws -> Result {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sigml") }.sorted()
        } catch {
            throw LexiconError.cannotRead(path: folder, reason: "not a readable folder")
        }
        var report = SiGMLImportReport()
        var entries: [LexiconEntry] = []
        var ids: Set<String> = []
        for name in names {
            let path = "\(folder)/\(name)"
            report.files += 1
            do {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw LexiconError.cannotRead(path: path, reason: "not readable")
                }
                let signs = try self.signs(in: data, path: path, report: &report)
                for (index, sign) in signs.enumerated() {
                    var entry = sign
                    let base = id(fromFileName: name) + (signs.count > 1 ? "-\(index + 1)" : "")
                    entry.id = base
                    var suffix = 2
                    while ids.contains(entry.id) {
                        entry.id = "\(base)-\(suffix)"
                        suffix += 1
                    }
                    ids.insert(entry.id)
                    entry.words = [WordSense(language: spokenLanguage, words: words(fromGloss: entry.gloss, fallback: entry.id))]
                    entry.provenance = Provenance(source: "SiGML \(name)", license: nil)
                    entries.append(entry)
                }
            } catch let error as LexiconError {
                report.failedFiles[name] = error.description
            }
        }
        report.signs = entries.count
        let info = SignLanguageInfo(code: code, name: code.uppercased() + " (imported from SiGML)",
                                    spokenLanguages: [spokenLanguage], categories: ["imported"], fingerspelling: .latin)
        return Result(lexicon: try Lexicon(info: info, entries: entries), report: report)
    }

    /// The signs of one SiGML document, with placeholder ids and no words; unsupported items go to `report`.
    /// - Throws: ``LexiconError/invalidSiGML(path:reason:)`` when the XML is malformed or has no sign.
    public static func signs(in data: Data, path: String, report: inout SiGMLImportReport) throws -> [LexiconEntry] {
        let root = try XMLTree.parse(data, path: path)
        guard root.name == "sigml" else { throw LexiconError.invalidSiGML(path: path, reason: "root element is <\(root.name)>, not <sigml>") }
        var entries: [LexiconEntry] = []
        for sign in root.children {
            guard sign.name == "hamgestural_sign" else {
                report.unsupported["element \(sign.name)", default: 0] += 1
                continue
            }
            var phonology = Phonology()
            for part in sign.children {
                switch part.name {
                case "sign_manual":
                    phonology.manual = node(part, manual: true, report: &report) ?? PhonologyNode(.signManual)
                case "sign_nonmanual":
                    report.elements["sign_nonmanual", default: 0] += 1
                    phonology.nonManual = part.children.compactMap { node($0, manual: false, report: &report) }
                default:
                    report.unsupported["element \(part.name)", default: 0] += 1
                }
            }
            for name in sign.attributes.keys where name != "gloss" { report.unsupported["attribute hamgestural_sign@\(name)", default: 0] += 1 }
            let gloss = sign.attributes["gloss"].flatMap { $0.isEmpty ? nil : $0 } ?? "SIGN"
            entries.append(LexiconEntry(
                id: "sign", gloss: gloss.replacingOccurrences(of: "\n", with: " "), category: "imported", words: [],
                phonology: phonology, provenance: Provenance(source: path), verified: false,
                note: "imported from SiGML; not checked by a signer of this project"))
        }
        guard !entries.isEmpty else { throw LexiconError.invalidSiGML(path: path, reason: "no <hamgestural_sign>") }
        return entries
    }

    private static func node(_ element: XMLTree, manual: Bool, report: inout SiGMLImportReport) -> PhonologyNode? {
        // `no_motion` is another spelling of `nomotion` found in SiGML files.
        guard let kind = NodeKind(rawValue: element.name == "no_motion" ? NodeKind.noMotion.rawValue : element.name),
              kind.isNonManual != manual else {
            report.unsupported["element \(element.name)", default: 0] += 1
            return nil
        }
        report.elements[element.name, default: 0] += 1
        var attributes: [NodeAttribute] = []
        for (name, value) in element.attributes {
            let attribute = NodeAttribute(name, value)
            switch NodeValidation.check(attribute, on: kind) {
            case nil: attributes.append(attribute)
            case _ where NodeSchema.domain(of: name, on: kind) == nil:
                report.unsupported["attribute \(element.name)@\(name)", default: 0] += 1
            default:
                report.unsupported["value \(element.name)@\(name)=\(value)", default: 0] += 1
            }
        }
        attributes.sort { (attributeRank($0.name), $0.name) < (attributeRank($1.name), $1.name) }
        return PhonologyNode(kind, attributes, children: element.children.compactMap { node($0, manual: manual, report: &report) })
    }

    /// The order attributes are written in: the main parameter first, modifiers after, `second_*` last.
    private static func attributeRank(_ name: String) -> Int {
        let order = ["handshape", "thumbpos", "mainbend", "extfidir", "palmor", "location", "digits", "side", "contact",
                     "direction", "axis", "motion", "repetition", "movement", "picture", "size"]
        if let index = order.firstIndex(of: name) { return index }
        return name.hasPrefix("second_") ? order.count + 1 : order.count
    }

    static func id(fromFileName name: String) -> String {
        let stem = name.hasSuffix(".sigml") ? String(name.dropLast(6)) : name
        let mapped = stem.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) || "-_.".contains(character) ? character : "-"
        }
        let id = String(mapped)
        return id.isEmpty ? "sign" : id
    }

    static func words(fromGloss gloss: String, fallback: String) -> [String] {
        var words: [String] = []
        for part in gloss.split(whereSeparator: { $0 == "_" || $0 == "/" }) {
            let word = part.lowercased().map { ",;".contains($0) ? " " : $0 }
                .reduce(into: "") { $0.append($1) }.trimmingCharacters(in: .whitespaces)
            if word.contains(where: \.isLetter), !words.contains(word) { words.append(word) }
        }
        return words.isEmpty ? [fallback] : words
    }
}
