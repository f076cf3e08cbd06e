import Foundation
import Lexicon
import Testing

@Suite("Compound entries: parts as data, validated and expanded")
struct CompoundTests {
    /// Three simple signs and compounds of them, one nested.
    static let entries = """
        id: fire
        gloss: 火
        category: actions
        zh-Hans: 火
        manual:
          handconfig handshape=finger2345 extfidir=u palmor=o
          location_bodyarm location=chest
          rpt_motion repetition=fromstart
            directedmotion direction=u size=small
        source: test
        verified: false

        id: vehicle
        gloss: 车
        category: actions
        zh-Hans: 车
        manual: both_hands=true lr_symm=true
          handconfig handshape=fist extfidir=o palmor=l
          location_bodyarm location=stomach
          directedmotion direction=o
        source: test
        verified: false

        id: station
        gloss: 站
        category: places
        zh-Hans: 站
        manual:
          handconfig handshape=flat extfidir=o palmor=d
          location_bodyarm location=chest
        source: test
        verified: false

        id: train
        gloss: 火车
        category: actions
        zh-Hans: 火车
        compound: fire, vehicle
        nonmanual:
          mouthing_tier
            mouth_picture picture=huoche
        timing: duration=1.1
        source: test
        verified: false
        note: compound of 火 + 车

        id: train-station
        gloss: 火车站
        category: places
        zh-Hans: 火车站
        compound: train, station
        source: test
        verified: false

        """

    @Test func compoundExpandsIntoItsPartsInOrder() throws {
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": Self.entries]).folder)
        let fire = try #require(lexicon.entry(id: "fire")), vehicle = try #require(lexicon.entry(id: "vehicle"))
        let train = try #require(lexicon.entry(id: "train"))
        #expect(train.compound == ["fire", "vehicle"])
        let parts = train.phonology.manual.children
        #expect(parts.map(\.kind) == [.signManual, .signManual])
        // The parts as they are: how a compound shortens them is the synthesiser's.
        #expect(parts[0] == fire.phonology.manual)
        #expect(parts[1] == vehicle.phonology.manual)
        #expect(train.phonology.isTwoHanded)
        #expect(train.phonology.nonManual.first?.children.first?["picture"] == "huoche")
        #expect(train.timing.duration == 1.1)
        // A nested compound contributes its parts: 火车站 = 火 + 车 + 站.
        let nested = try #require(lexicon.entry(id: "train-station")).phonology.manual.children
        #expect(nested.count == 3)
        #expect(nested[1].children == vehicle.phonology.manual.children)
        #expect(nested[2] == lexicon.entry(id: "station")?.phonology.manual)
        #expect(lexicon.lookup("火车站", language: "zh-Hans").first?.entry.compound == ["train", "station"])
    }

    @Test func aCorrectedPartReachesEveryCompound() throws {
        let corrected = Self.entries.replacingOccurrences(of: "handshape=fist extfidir=o palmor=l",
                                                          with: "handshape=cee12 extfidir=o palmor=l")
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": corrected]).folder)
        for id in ["train", "train-station"] {
            let shapes = try #require(lexicon.entry(id: id)).phonology.manual.allNodes.compactMap { $0["handshape"] }
            #expect(shapes.contains("cee12") && !shapes.contains("fist"), "\(id): \(shapes)")
        }
    }

    @Test func writeThenReadKeepsTheCompoundAsWritten() throws {
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": Self.entries]).folder)
        let text = EntryWriter.text(try #require(lexicon.entry(id: "train")))
        #expect(text.contains("compound: fire, vehicle") && !text.split(separator: "\n").contains { $0.hasPrefix("manual:") })
        let reread = try LexiconLoader.load(folder: LexiconFixtures.folder(["b.txt": EntryWriter.file(lexicon.entries)]).folder)
        #expect(reread.entries == lexicon.entries)
    }

    @Test func aMissingPartNamesFileLineAndField() throws {
        let text = Self.entries.replacingOccurrences(of: "compound: fire, vehicle", with: "compound: fire, vehicel")
        let issues = try LexiconFixtures.issues(text)
        let issue = try #require(issues.first { $0.message.contains("vehicel") })
        #expect(issue.file.hasSuffix("tsl/entries.txt"))
        #expect(issue.field == "compound")
        #expect(issue.line == 38, "the line of compound: in the train entry")
        #expect(issue.message.contains("no entry 'vehicel'") && issue.message.contains("part 2"))
    }

    @Test func aCycleNamesFileLineAndField() throws {
        // 火 = 火车 + 站 while 火车 = 火 + 车: a cycle through two compounds.
        let text = Self.entries.replacingOccurrences(of: """
            manual:
              handconfig handshape=finger2345 extfidir=u palmor=o
              location_bodyarm location=chest
              rpt_motion repetition=fromstart
                directedmotion direction=u size=small
            """, with: "compound: train, station")
        let issues = try LexiconFixtures.issues(text)
        let cycles = issues.filter { $0.message.contains("cycle") }
        #expect(!cycles.isEmpty, "\(issues)")
        for issue in cycles {
            #expect(issue.field == "compound" && issue.file.hasSuffix("entries.txt"))
            #expect([5, 34].contains(issue.line), "\(issue)")
        }
        #expect(cycles.contains { $0.message.contains("fire → train → fire") || $0.message.contains("train → fire → train") })
        // A compound of itself.
        let own = try LexiconFixtures.issues(Self.entries.replacingOccurrences(of: "compound: fire, vehicle",
                                                                                 with: "compound: fire, train"))
        #expect(own.contains { $0.field == "compound" && $0.line == 38 && $0.message.contains("train → train") }, "\(own)")
    }

    @Test func compoundAndManualTogetherOrOnePartAreErrors() throws {
        let both = Self.entries.replacingOccurrences(of: "compound: train, station", with: """
            compound: train, station
            manual:
              handconfig handshape=flat
            """)
        #expect(try LexiconFixtures.issues(both).contains { $0.field == "manual" && $0.message.contains("not both") })
        let one = Self.entries.replacingOccurrences(of: "compound: train, station", with: "compound: train")
        #expect(try LexiconFixtures.issues(one).contains { $0.field == "compound" && $0.message.contains("two or more") })
        let bad = Self.entries.replacingOccurrences(of: "compound: train, station", with: "compound: train, Station")
        #expect(try LexiconFixtures.issues(bad).contains { $0.field == "compound" && $0.message.contains("'Station'") })
    }

    @Test func siGMLExportWritesOneSignPerPart() throws {
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": Self.entries]).folder)
        let document = SiGMLExporter.document([try #require(lexicon.entry(id: "train"))])
        #expect(document.contains("<!-- compound 火车: fire + vehicle -->"))
        #expect(document.contains("gloss=\"火车/1\"") && document.contains("gloss=\"火车/2\""))
        #expect(document.components(separatedBy: "<sign_manual").count == 3)
        #expect(document.components(separatedBy: "mouth_picture").count == 2)
    }

    @Test func theRepositoryCompoundsExpand() throws {
        let csl = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "csl")
        let gaotie = try #require(csl.entry(id: "gaotie"))
        #expect(gaotie.compound == ["gao", "huoche"])
        #expect(gaotie.phonology.manual.children.count == 2)
    }
}
