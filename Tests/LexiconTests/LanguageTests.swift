import Foundation
import Lexicon
import Testing

@Suite("Segmentation, lemmatisation, pinyin and fingerspelling")
struct LanguageTests {
    @Test func segmentationPrefersLexiconWordsThenGeneralWords() {
        let segmenter = ChineseSegmenter(lexiconWords: ["中国", "经济", "增长", "北京", "我"], generalWords: ["中国经济", "发展", "经济增长"])
        let tokens = segmenter.segment("中国经济增长5.2%，我在北京发展GDP")
        #expect(tokens.map(\.text) == ["中国", "经济", "增长", "5.2%", "，", "我", "在", "北京", "发展", "GDP"])
        #expect(tokens.map(\.kind) == [.lexicon, .lexicon, .lexicon, .number, .punctuation, .lexicon, .character, .lexicon, .general, .latin])
        let straddling = ChineseSegmenter(lexiconWords: ["二", "四", "战胜", "有"], generalWords: ["二战", "有望"])
        #expect(straddling.segment("以四比二战胜").map(\.text) == ["以", "四", "比", "二", "战胜"])
        #expect(straddling.segment("有望").map(\.text) == ["有望"])
        #expect(ChineseSegmenter(lexiconWords: [], generalWords: []).segment("").isEmpty)
    }

    /// A surname and the one or two single characters after it are one name; not after a numeral (一张), not over a
    /// stop character (张伟说) or what the caller rules out; the shipped lists load.
    @Test func namesCutIntoCharactersAreJoined() throws {
        let names = ChineseNames(surnames: ["刘", "张", "王"], stops: ["说"])
        let spans = { (tokens: [String]) in
            names.spans(tokens, canContinue: { !["，", "被"].contains(tokens[$0]) }, isNumeral: { tokens[$0] == "一" })
        }
        #expect(spans(["馆长", "刘", "晓", "红", "表示"]) == [1..<4])
        #expect(spans(["张", "伟", "说"]) == [0..<2])
        #expect(spans(["王", "某", "被", "判"]) == [0..<2], "the caller's grammar words end a name")
        #expect(spans(["刘", "晓", "红", "梅"]) == [0..<3], "at most two characters after the surname")
        #expect(spans(["一", "张", "纸"]).isEmpty)
        #expect(spans(["刘", "，", "王"]).isEmpty)
        let shipped = try ChineseNames(root: LexiconFixtures.root)
        #expect(shipped.surnames.contains("刘") && shipped.stops.contains("说"))
        let (root, _) = try LexiconFixtures.folder([:])
        try FileManager.default.createDirectory(atPath: root + "/spoken", withIntermediateDirectories: true)
        try "surname: 王\nnickname: 小\n".write(toFile: root + "/spoken/zh-Hans-names.txt", atomically: true, encoding: .utf8)
        #expect { try ChineseNames(root: root) } throws: { error in
            guard case let LexiconError.invalid(issues) = error else { return false }
            return issues.first?.line == 2
        }
    }

    @Test func segmentationUsesTheGeneratedWordList() throws {
        let lexicon = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "csl")
        let segmenter = try ChineseSegmenter(lexicon: lexicon, root: LexiconFixtures.root)
        let tokens = segmenter.segment("国家统计局昨天发布数据")
        #expect(tokens.map(\.text) == ["国家统计局", "昨天", "发布", "数据"])
        #expect(tokens.allSatisfy { $0.kind == .lexicon })
        #expect(segmenter.segment("葡萄酒").map(\.kind) == [.general])
    }

    @Test func lemmatizerUsesIrregularTableAndRules() throws {
        let lexicon = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "asl")
        let lemmatizer = try EnglishLemmatizer(lexicon: lexicon, root: LexiconFixtures.root)
        let cases = ["went": "go", "women": "woman", "announced": "announce", "families": "family", "running": "run",
                     "homes": "home", "leaders": "leader", "watched": "watch", "Japan's": "japan", "beating": "beat", "xyzzies": "xyzzies"]
        for (form, lemma) in cases { #expect(lemmatizer.lemma(form) == lemma, "\(form)") }
        let rules = EnglishLemmatizer(irregular: [:], rules: [.init("ies", "y")], known: ["city"])
        #expect(rules.lemma("cities") == "city")
        #expect(EnglishLemmatizer.words("The U.S. economy's 3.5% rise—isn't bad.") == ["The", "U", "S", "economy's", "3.5", "rise", "isn't", "bad"])
    }

    @Test func pinyinComesFromUnihan() throws {
        let pinyin = try Pinyin(root: LexiconFixtures.root)
        #expect(pinyin.count > 40_000)
        #expect(pinyin.reading("中") == "zhōng")
        #expect(pinyin.syllables("绿色龘") == ["lü", "se", "da"])
        #expect(Pinyin.toneless("lǜ") == "lü")
        #expect(Pinyin.tone("lǜ") == 4 && Pinyin.tone("ma") == 5 && Pinyin.tone("shuǐ") == 3)
    }

    @Test func fingerspellingSplitsSyllablesIntoUnits() throws {
        let csl = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "csl")
        let speller = Fingerspeller(lexicon: csl, pinyin: try Pinyin(root: LexiconFixtures.root))
        #expect(speller.units(for: "张") == ["ZH", "A", "NG"])
        #expect(speller.units(for: "南瓜") == ["N", "A", "N", "G", "U", "A"])
        #expect(speller.units(for: "绿") == ["L", "V"])
        #expect(speller.spell("Li").map(\.entry?.id) == ["letter-l", "letter-i"])
        let asl = try LexiconLoader.load(root: LexiconFixtures.root, signLanguage: "asl")
        let latin = Fingerspeller(lexicon: asl, pinyin: nil)
        #expect(latin.units(for: "Shanghai") == ["S", "H", "A", "N", "G", "H", "A", "I"])
        #expect(latin.spell("Zoe").allSatisfy { $0.entry != nil })
    }

    @Test func coverageOfTheNewsSamplesMeetsTheTarget() throws {
        let media = LexiconFixtures.root.replacingOccurrences(of: "/Lexicon", with: "/Media")
        let csl = try LanguageTools(root: LexiconFixtures.root, signLanguage: "csl")
        let chinese = TextCoverage.chinese(try String(contentsOfFile: media + "/news-zh.txt", encoding: .utf8), lexicon: csl.lexicon,
                                           segmenter: try #require(csl.segmenter), functionWords: try #require(csl.functionWords["zh-Hans"]))
        #expect(chinese.contentWords > 250)
        #expect(chinese.ratio >= 0.85, "\(chinese.missing)")
        let asl = try LanguageTools(root: LexiconFixtures.root, signLanguage: "asl")
        #expect(asl.segmenter == nil && asl.pinyin == nil)
        let english = TextCoverage.english(try String(contentsOfFile: media + "/news-en-lexicon.txt", encoding: .utf8), lexicon: asl.lexicon,
                                           lemmatizer: try #require(asl.lemmatizer), functionWords: try #require(asl.functionWords["en"]))
        #expect(english.contentWords > 180)
        #expect(english.ratio >= 0.85, "\(english.missing)")
        #expect(TextCoverage.english("the of and", lexicon: asl.lexicon, lemmatizer: try #require(asl.lemmatizer),
                                     functionWords: asl.functionWords["en"] ?? []).contentWords == 0)
    }

    @Test func englishNumberWordsReadAsOneNumber() {
        #expect(EnglishNumerals.value("forty-five") == 45)
        #expect(EnglishNumerals.value("Two hundred and thirty") == 230)
        #expect(EnglishNumerals.value("fifteen hundred") == 1500)
        #expect(EnglishNumerals.value("three million two hundred thousand") == 3_200_000)
        #expect(EnglishNumerals.value("zero") == 0)
        for notOne in ["five six", "nineteen eighty", "hundred", "twenty ten", "thousand million", "two and", "million two million"] {
            #expect(EnglishNumerals.value(notOne) == nil, "\(notOne)")
        }
        #expect(EnglishNumerals.isNumberWord("Eighty-five") && !EnglishNumerals.isNumberWord("eighty-first"))
    }
}
