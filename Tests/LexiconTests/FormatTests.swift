import Foundation
import Lexicon
import Testing

@Suite("Lexicon text format: reading, writing and validation")
struct FormatTests {
    @Test func readsEveryField() throws {
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": LexiconFixtures.validEntries]).folder)
        #expect(lexicon.entries.count == 3)
        let entry = try #require(lexicon.entry(id: "beijing"))
        #expect(entry.gloss == "北京")
        #expect(entry.words[0] == WordSense(language: "zh-Hans", words: ["北京", "北京市"], partOfSpeech: .name))
        #expect(entry.phonology.isTwoHanded && entry.phonology.symmetry == .leftRight)
        let manual = entry.phonology.manual.children
        #expect(manual.map(\.kind) == [.handConfig, .locationBodyArm, .repeatedMotion])
        #expect(manual[2].children == [PhonologyNode(.directedMotion, [NodeAttribute("direction", "r"), NodeAttribute("size", "small")])])
        let hand = try #require(HandConfiguration(manual[0]))
        #expect(hand.handshape == .finger2 && hand.thumb == .across && hand.extendedFingerDirection == .u && hand.palmOrientation == .l)
        let place = try #require(Placement(manual[1]))
        #expect(place.location == .chest && place.side == .left_at && place.contact == .touch)
        #expect(entry.phonology.nonManual[0].children[0]["picture"] == "bei jing")
        #expect(entry.timing == TimingHints(duration: 0.8, hold: 0.2))
        #expect(!entry.verified && entry.note == "a test entry")
        #expect(lexicon.origin(id: "bank-money")?.line == 20)
        #expect(lexicon.entry(id: "bank-money")?.phonology.isTwoHanded == false)
        #expect(lexicon.entry(id: "bank-money")?.phonology.symmetry == nil)
    }

    @Test func writeThenReadGivesTheSameEntries() throws {
        let original = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": LexiconFixtures.validEntries]).folder)
        let written = EntryWriter.file(original.entries, header: "round trip")
        let reread = try LexiconLoader.load(folder: LexiconFixtures.folder(["b.txt": written]).folder)
        #expect(reread.entries == original.entries)
    }

    @Test func repositoryLexiconsRoundTrip() throws {
        for code in ["csl", "asl"] {
            let lexicon = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: code)
            let text = EntryWriter.file(lexicon.entries)
            let folder = try LexiconFixtures.folder(["all.txt": text], language: EntryWriter.languageFile(
                SignLanguageInfo(code: "tsl", name: "x", spokenLanguages: lexicon.info.spokenLanguages,
                                 categories: lexicon.info.categories, fingerspelling: lexicon.info.fingerspelling)))
            #expect(try LexiconLoader.load(folder: folder.folder).entries == lexicon.entries)
        }
    }

    @Test(arguments: [
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=finger7\nsource: s\nverified: false\n",
         6, "handconfig.handshape", "unknown value 'finger7'"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  location_bodyarm location=elbowpit\nsource: s\nverified: false\n",
         6, "location_bodyarm.location", "unknown value 'elbowpit'"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat colour=red\nsource: s\nverified: false\n",
         6, "handconfig.colour", "unknown attribute 'colour'"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  wobble\nsource: s\nverified: false\n",
         6, "manual", "unknown element 'wobble'"),
        ("id: x\ngloss: X\ncategory: weather\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n",
         3, "category", "unknown category 'weather'"),
        ("id: X Y\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n",
         1, "id", "must be lowercase"),
        ("id: x\ngloss: X\ncategory: places\nen: x; pos=nounish\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n",
         4, "en.pos", "unknown part of speech"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: maybe\n",
         8, "verified", "expected true or false"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\n",
         1, "verified", "missing"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nglos: Y\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n",
         5, "glos", "unknown field"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n   handconfig handshape=flat\nsource: s\nverified: false\n",
         6, "manual", "two spaces"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\n      directedmotion direction=o\nsource: s\nverified: false\n",
         7, "manual", "indented too far"),
        ("id: x\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\ntiming: duration=-1\nverified: false\n",
         8, "timing", "positive number"),
    ])
    func reportsFileLineAndField(text: String, line: Int, field: String, message: String) throws {
        let issues = try LexiconFixtures.issues(text)
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.file.hasSuffix("tsl/entries.txt"))
        #expect(issue.line == line)
        #expect(issue.field == field)
        #expect(issue.message.contains(message), "\(issue)")
    }

    @Test func duplicateIDsNameBothPlaces() throws {
        let entry = "id: same\ngloss: X\ncategory: places\nen: x\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n"
        let issues = try LexiconFixtures.issues(entry + "\n" + entry)
        #expect(issues.count == 1)
        #expect(issues.first?.line == 10)
        #expect(issues.first?.field == "id")
        #expect(issues.first?.message.contains("entries.txt:1") == true)
    }

    @Test func badUTF8IsReportedWithItsLine() throws {
        var data = Data("id: x\ngloss: X\ncategory: places\nen: caf".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\nmanual:\n  handconfig handshape=flat\nsource: s\nverified: false\n".utf8))
        let folder = try LexiconFixtures.folder([:])
        try data.write(to: URL(fileURLWithPath: folder.folder + "/bad.txt"))
        let issues = try LexiconLoader.validate(folder: folder.folder)
        #expect(issues.contains { $0.line == 4 && $0.field == "encoding" })
        #expect(throws: LexiconError.self) { try LexiconLoader.load(folder: folder.folder) }
    }

    @Test func brokenLexiconIsRefusedWithTheFirstProblem() throws {
        let folder = try LexiconFixtures.folder(["a.txt": "id: x\ngloss: X\n"])
        do {
            _ = try LexiconLoader.load(folder: folder.folder)
            Issue.record("a broken lexicon loaded")
        } catch let error as LexiconError {
            #expect(error.isUserError)
            #expect(error.description.contains("a.txt:1: category: missing"))
        }
    }
}

@Suite("Large lexicon files")
struct LargeFileTests {
    /// Files of 512 entries or more are parsed in chunks on all cores; the entries keep file order and lines.
    @Test func aLargeFileParsesInChunksInFileOrder() throws {
        let text = (0..<1500).map { index in
            "id: sign-\(index)\ngloss: S\(index)\ncategory: places\nen: word\(index)\nmanual:\n  handconfig handshape=flat\n"
                + "  location_bodyarm location=chest\nsource: test\nverified: false\n"
        }.joined(separator: "\n")
        for _ in 0..<3 {
            let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["big.txt": text]).folder)
            #expect(lexicon.entries.map(\.id) == (0..<1500).map { "sign-\($0)" })
            #expect(lexicon.origin(id: "sign-1000")?.line == 1000 * 10 + 1)
            #expect(lexicon.lookup("word777").first?.entry.gloss == "S777")
        }
    }
}
