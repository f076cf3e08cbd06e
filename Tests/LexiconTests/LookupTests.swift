import Foundation
import Lexicon
import Testing

@Suite("Lookup and search")
struct LookupTests {
    private func fixture() throws -> Lexicon {
        try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": LexiconFixtures.validEntries]).folder)
    }

    @Test func variantsComeInPriorityOrder() throws {
        let lexicon = try fixture()
        #expect(lexicon.lookup("bank").map(\.entry.id) == ["bank-money", "bank-river"])
        #expect(lexicon.lookup("Bank").first?.sense?.sense == "money")
        #expect(lexicon.lookup("bank", partOfSpeech: .verb).isEmpty == false)
        #expect(lexicon.lookup("bank on").map(\.entry.id) == ["bank-river"])
        #expect(lexicon.lookup("北京市", language: "zh-Hans").map(\.entry.id) == ["beijing"])
        #expect(lexicon.lookup("北京市", language: "en").isEmpty)
    }

    @Test func partOfSpeechPreferenceReorders() throws {
        let text = LexiconFixtures.validEntries + """

            id: bank-verb
            gloss: DEPOSIT
            category: actions
            en: bank; pos=verb; priority=3
            manual:
              handconfig handshape=flat
            source: test
            verified: false

            """
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": text]).folder)
        #expect(lexicon.lookup("bank").map(\.entry.id) == ["bank-money", "bank-river", "bank-verb"])
        #expect(lexicon.lookup("bank", partOfSpeech: .verb).first?.entry.id == "bank-verb")
    }

    @Test func glossAndIDMatchWhenNoWordDoes() throws {
        let lexicon = try fixture()
        #expect(lexicon.lookup("riverbank").map(\.kind) == [.gloss])
        #expect(lexicon.lookup("bank-river").map(\.kind) == [.id])
        #expect(lexicon.lookup("nothing").isEmpty)
    }

    @Test func searchRanksExactThenPrefixThenSubstringThenPinyin() throws {
        let lexicon = try fixture()
        let pinyin = Pinyin(readings: ["北": "běi", "京": "jīng"])
        #expect(lexicon.search("bank").map(\.rank) == [.exact, .exact])
        #expect(lexicon.search("ban").first?.rank == .prefix)
        #expect(lexicon.search("ank").first?.rank == .substring)
        #expect(lexicon.search("beijing", pinyin: pinyin).first.map { ($0.entry.id, $0.rank) } ?? ("", .exact) == ("beijing", .exact))
        #expect(lexicon.search("bj", pinyin: pinyin).map(\.entry.id) == ["beijing"])
        #expect(lexicon.search("bj", pinyin: pinyin).first?.rank == .pinyin)
        #expect(lexicon.search("bj").isEmpty)
        for toned in ["běijīng", "Bei3 jing1", "bei jing", "BĚI"] {
            #expect(lexicon.search(toned, pinyin: pinyin).first?.entry.id == "beijing", "\(toned)")
        }
    }

    @Test func repositoryLexiconsMeetTheIssueSizes() throws {
        let csl = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "csl")
        let asl = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "asl")
        #expect(csl.entries.count >= 600 + 30)
        #expect(asl.entries.count >= 400 + 26)
        #expect(csl.entries.allSatisfy { !$0.verified })
        for unit in ["ZH", "CH", "SH", "NG", "A", "Z"] { #expect(csl.fingerspelling(unit) != nil) }
        #expect(csl.entries.filter { $0.category == "fingerspelling" }.count == 30)
        #expect(asl.entries.filter { $0.category == "fingerspelling" }.count == 26)
        for digit in 0...10 {
            #expect(!csl.lookup(String(digit), language: "zh-Hans").isEmpty)
            #expect(!asl.lookup(String(digit)).isEmpty)
        }
        for word in ["今天", "明天", "北京", "中国", "百", "亿", "星期一", "谁", "不"] { #expect(!csl.lookup(word).isEmpty, "\(word)") }
        #expect(throws: LexiconError.self) { try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "xyz") }
    }
}
