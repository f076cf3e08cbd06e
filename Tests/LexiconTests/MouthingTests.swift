import Foundation
@testable import Lexicon
import Testing
import TestSupport

@Suite("Mouthing: spoken words to visemes")
struct MouthingTests {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path

    @Test("spelling rules: the longest letter group first, silent endings, unknown letters skipped, repeats merged")
    func spelling() throws {
        let rules: [(line: Int, text: Substring)] = [(1, "spell a aa"), (2, "spell t DD"), (3, "spell th TH"), (4, "spell e E"),
                                                     (5, "silent e$"), (6, "spell n nn"), (7, "spell nn nn")]
        let speller = try VisemeSpeller(records: rules, path: "x.txt", pinyin: nil)
        #expect(speller.visemes("the") == [.TH])
        #expect(speller.visemes("ten") == [.DD, .E, .nn])
        #expect(speller.visemes("Anna!") == [.aa, .nn, .aa])
        #expect(speller.visemes("x") == [])
    }

    @Test("pinyin rules: characters read through their readings, pinyin text split into syllables, ü after j q x y")
    func pinyin() throws {
        let readings = Pinyin(readings: ["北": "běi", "京": "jīng", "女": "nǚ", "去": "qù"])
        let rules: [(line: Int, text: Substring)] = [(1, "initial b PP"), (2, "initial j SS"), (3, "initial n nn"), (4, "initial q SS"),
                                                     (5, "final ei E ih"), (6, "final ing ih nn"), (7, "final v ou"), (8, "final u aa")]
        let speller = try VisemeSpeller(records: rules, path: "x.txt", pinyin: readings)
        #expect(speller.visemes("北京") == [.PP, .E, .ih, .SS, .ih, .nn])
        #expect(speller.visemes("beijing") == speller.visemes("北京"))
        #expect(speller.visemes("女") == [.nn, .ou])
        #expect(speller.visemes("去") == [.SS, .ou], "qu is qü")
        #expect(speller.visemes("běijīng") == speller.visemes("北京"), "tone marks are read as without them")
    }

    @Test("the shipped files map every letter and every pinyin syllable of the news to mouth shapes")
    func shippedFiles() throws {
        let english = try VisemeSpeller(root: Self.root, language: "en")
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            #expect(!english.visemes(String(letter)).isEmpty || letter == "e" || letter == "h", "\(letter)")
        }
        #expect(english.visemes("phone").first == .FF)
        #expect(english.visemes("mother").first == .PP)
        let chinese = try VisemeSpeller(root: Self.root, language: "zh-Hans", pinyin: try Pinyin(root: Self.root))
        let text = try String(contentsOf: TestFiles.sharedData.appendingPathComponent("news-zh/news.txt"), encoding: .utf8)
        let pinyin = try Pinyin(root: Self.root)
        var unread: Set<String> = []
        for character in text where ChineseSegmenter.isCJK(character) {
            if chinese.visemes(String(character)).isEmpty, let reading = pinyin.reading(character.unicodeScalars.first!) {
                unread.insert(reading)
            }
        }
        #expect(unread.isEmpty, "syllables without visemes: \(unread.sorted())")
        #expect(chinese.visemes("中国") == [.CH, .ou, .nn, .kk, .ou, .oh])
        // SAMPA is case-sensitive: S is the sh sound, s the s sound; T the th of thin.
        let sampa = try VisemeSpeller(root: Self.root, language: "sampa")
        #expect(sampa.visemes("S") == [.CH] && sampa.visemes("s") == [.SS] && sampa.visemes("T") == [.TH])
        #expect(sampa.visemes("tSi:z") == [.CH, .ih, .SS])
    }

    @Test("bad rules are named with file and line")
    func badRules() throws {
        for (text, needle) in [("spell a xx", "visemes among"), ("shout a aa", "unknown rule 'shout'"), ("silent $", "silent LETTERS")] {
            let error = try #require(throws: LexiconError.self) {
                try VisemeSpeller(records: [(3, Substring(text))], path: "v.txt", pinyin: nil)
            }
            #expect("\(error)".contains("v.txt:3") && "\(error)".contains(needle), "\(error)")
        }
    }
}
