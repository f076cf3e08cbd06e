import Foundation
import Lexicon
import Testing
import TestSupport

@Suite("SiGML import and export")
struct SiGMLTests {
    static let folder = TestFiles.sharedData.appendingPathComponent("ngt-sigml").path

    @Test func importsEveryNGTSignAndReportsWhatItDrops() throws {
        let result = try SiGMLImporter.importFolder(Self.folder, code: "ngt", spokenLanguage: "nl")
        #expect(result.report.files == 2203)
        #expect(result.report.signs == 2203)
        #expect(result.report.failedFiles.isEmpty)
        let listed = ["handconfig", "location_bodyarm", "directedmotion", "tgt_motion", "location_hand", "mouth_picture", "par_motion",
                      "handconstellation", "split_handconfig", "rpt_motion", "circularmotion", "wristmotion", "fingerplay",
                      "eye_brows", "head_movement", "eye_gaze", "eye_lids", "body_movement"]
        for name in listed {
            #expect(result.report.unsupported["element \(name)"] == nil)
            #expect(!result.report.unsupported.keys.contains { $0.hasPrefix("attribute \(name)@") }, "\(name)")
        }
        #expect((result.report.elements["handconfig"] ?? 0) == 9886)
        #expect(result.report.unsupported["element no_motion"] == nil)   // read as nomotion
        let compound = try #require(result.lexicon.entry(id: "aardappelpuree"))
        #expect(compound.phonology.manual.children.map(\.kind) == [.signManual, .signManual])
        #expect(compound.phonology.isTwoHanded)
        let wat = try #require(result.lexicon.entry(id: "wat"))
        #expect(wat.phonology.nonManual.map(\.kind) == [.mouthingTier, .facialExpressionTier, .headTier])
        #expect(wat.phonology.nonManual[2].children[0]["movement"] == "SL")
        // The imported lexicon is valid in our text format.
        let text = EntryWriter.file(result.lexicon.entries)
        let written = try LexiconFixtures.folder(["imported.txt": text], language: EntryWriter.languageFile(
            SignLanguageInfo(code: "tsl", name: "t", spokenLanguages: ["nl"], categories: ["imported"], fingerspelling: .latin)))
        #expect(try LexiconLoader.load(folder: written.folder).entries == result.lexicon.entries)
    }

    @Test func exportKeepsEverySupportedElementAndAttribute() throws {
        let result = try SiGMLImporter.importFolder(Self.folder, code: "ngt", spokenLanguage: "nl")
        var report = SiGMLImportReport()
        var compared = 0
        for entry in result.lexicon.entries {
            let file = entry.provenance.source.replacingOccurrences(of: "SiGML ", with: "")
            let original = try #require(FileManager.default.contents(atPath: Self.folder + "/" + file))
            let exported = Data(SiGMLExporter.document([entry]).utf8)
            let back = try SiGMLImporter.signs(in: exported, path: file, report: &report)
            #expect(back.count == 1)
            #expect(back[0].phonology == entry.phonology, "\(file)")
            #expect(back[0].gloss == entry.gloss)
            #expect(Self.supportedAttributeCount(original) == Self.attributeCount(exported), "\(file)")
            compared += 1
        }
        #expect(compared == 2203)
        #expect(report.unsupported.isEmpty)
    }

    @Test func malformedSiGMLIsAUserError() throws {
        var report = SiGMLImportReport()
        #expect(throws: LexiconError.self) { try SiGMLImporter.signs(in: Data("<sigml><hamgestural_sign>".utf8), path: "x", report: &report) }
        #expect(throws: LexiconError.self) { try SiGMLImporter.signs(in: Data("<sigml/>".utf8), path: "x", report: &report) }
    }

    /// Attributes in the document that the schema supports (gloss included), counted independently of the importer.
    static func supportedAttributeCount(_ data: Data) -> Int {
        attributes(data).filter { element, name, value in
            if element == "hamgestural_sign" { return name == "gloss" }
            guard let kind = NodeKind(rawValue: element), let domain = NodeSchema.domain(of: name, on: kind) else { return false }
            return domain.accepts(value)
        }.count
    }

    static func attributeCount(_ data: Data) -> Int { attributes(data).count }

    /// Every (element, attribute, value) outside comments, found by regular expressions rather than the importer's parser.
    static func attributes(_ data: Data) -> [(String, String, String)] {
        let raw = String(decoding: data, as: UTF8.self)
        let comment = try! NSRegularExpression(pattern: "<!--[\\s\\S]*?-->")
        let text = comment.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "")
        var result: [(String, String, String)] = []
        let tag = try! NSRegularExpression(pattern: "<([a-z_0-9]+)((?:\\s+[a-z_0-9]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*)\\s*/?>")
        let attribute = try! NSRegularExpression(pattern: "([a-z_0-9]+)\\s*=\\s*[\"']([^\"']*)[\"']")
        for match in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let attributes = String(text[Range(match.range(at: 2), in: text)!])
            for item in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                let key = String(attributes[Range(item.range(at: 1), in: attributes)!])
                let value = String(attributes[Range(item.range(at: 2), in: attributes)!])
                result.append((name, key, value.replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"")))
            }
        }
        return result
    }
}
