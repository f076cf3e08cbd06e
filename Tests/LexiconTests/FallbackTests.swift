import Foundation
import Lexicon
import Testing

@Suite("Sign fallbacks before fingerspelling")
struct FallbackTests {
    /// A small lexicon: BUY (verb), BARGAIN (noun only), SHOP (verb), TEAM-character 队 (in-words), 火 (not in-words).
    static let entries = """
        id: buy
        gloss: BUY
        category: actions
        en: buy; pos=verb
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        id: bargain
        gloss: BARGAIN
        category: actions
        en: bargain; pos=noun
        manual:
          handconfig handshape=fist
        source: test
        verified: false

        id: shop
        gloss: SHOP
        category: actions
        en: shop
        manual:
          handconfig handshape=finger2
        source: test
        verified: false

        id: guojia
        gloss: 国家
        category: places
        zh-Hans: 国家
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        id: dui
        gloss: 队
        category: places
        zh-Hans: 队; in-words=true
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        id: huo
        gloss: 火
        category: places
        zh-Hans: 火
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        id: gaosu
        gloss: 高速
        category: places
        zh-Hans: 高速
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        id: gonglu
        gloss: 公路
        category: places
        zh-Hans: 公路
        manual:
          handconfig handshape=flat
        source: test
        verified: false

        """

    static func lexicon() throws -> Lexicon {
        try LexiconLoader.load(folder: LexiconFixtures.folder(["a.txt": entries]).folder)
    }

    /// First senses as the generated WordNet file gives them: synonyms most frequent first.
    static let thesaurus = Thesaurus(senses: [
        "purchase": [.init(partOfSpeech: .noun, frequency: 8, synonyms: ["bargain"]),
                     .init(partOfSpeech: .verb, frequency: 34, synonyms: ["acquire", "buy"])],
        "steal": [.init(partOfSpeech: .noun, frequency: 1, synonyms: ["buy"]),
                  .init(partOfSpeech: .verb, frequency: 30, synonyms: ["take"])],
        "retail": [.init(partOfSpeech: .verb, frequency: 2, synonyms: ["shop", "buy"])],
    ])

    static func fallback() throws -> SignFallback {
        let lexicon = try lexicon()
        let lemmatizer = EnglishLemmatizer(irregular: [:], rules: [.init("ed", "e"), .init("ed", ""), .init("s", "")],
                                           known: lexicon.words(language: "en"))
        return SignFallback(lexicon: lexicon, language: "en", lemmatizer: lemmatizer, thesaurus: thesaurus)
    }

    @Test func theSynonymComesFromTheFirstSenseOfTheWordsMostFrequentPartOfSpeech() throws {
        let fallback = try Self.fallback()
        // No part of speech given: "purchase" is mostly a verb; its first verb sense has "acquire" (no sign), then "buy".
        let signing = try #require(fallback.signing("purchase"))
        #expect(signing.route == .synonym && signing.words == ["buy"] && signing.entries.map(\.id) == ["buy"])
        // Inflected forms reach the lemma's sense.
        #expect(fallback.signing("purchased")?.entries.map(\.id) == ["buy"])
        // Several synonyms with signs: the most frequent in that sense wins (SHOP before BUY).
        #expect(fallback.signing("retail")?.entries.map(\.id) == ["shop"])
    }

    @Test func theSynonymNeverCrossesPartsOfSpeech() throws {
        let fallback = try Self.fallback()
        // As a noun, "purchase" has the noun sense's synonym only: BARGAIN, never the verb BUY.
        #expect(fallback.signing("purchase", partOfSpeech: .noun)?.entries.map(\.id) == ["bargain"])
        #expect(fallback.signing("purchase", partOfSpeech: .verb)?.entries.map(\.id) == ["buy"])
        // "steal" as a noun has "buy" in its first sense, but the lexicon signs "buy" only as a verb: no synonym.
        #expect(fallback.signing("steal", partOfSpeech: .noun) == nil)
        // As a verb, its first sense has "take", which has no sign; a later sense is never tried.
        #expect(fallback.signing("steal") == nil)
        // Parts of speech WordNet does not have (names, numerals) have no synonyms.
        #expect(fallback.signing("purchase", partOfSpeech: .name) == nil)
    }

    @Test func wordNetFirstSensesFromTheGeneratedFile() throws {
        let thesaurus = try Thesaurus(root: LexiconFixtures.root)
        #expect(thesaurus.firstSense(of: "purchase", partOfSpeech: .verb)?.synonyms == ["buy"])
        #expect(thesaurus.firstSense(of: "purchase", partOfSpeech: nil)?.partOfSpeech == .verb)
        // "go" is in the first sense of "die", but it is not go's own first sense: it would show GO (move), not death.
        #expect(thesaurus.firstSense(of: "die", partOfSpeech: .verb)?.synonyms.contains("go") == false)
        let asl = try LanguageTools(root: LexiconFixtures.root, signLanguage: "asl").fallback(language: "en")
        #expect(asl.signing("purchase")?.route == .synonym)
        #expect(asl.signing("purchased")?.entries.first?.gloss == "BUY")
    }

    @Test func chineseSplitsIntoLongerWordsThenMarkedCharacters() throws {
        let fallback = SignFallback(lexicon: try Self.lexicon(), language: "zh-Hans")
        let highway = try #require(fallback.signing("高速公路"))
        #expect(highway.route == .segmentation && highway.words == ["高速", "公路"])
        let team = try #require(fallback.signing("国家队"))
        #expect(team.route == .characters && team.words == ["国家", "队"])
        // 火 has a sign but is not marked as carrying its meaning in words: 火灾 is not signed as 火 + something.
        #expect(fallback.signing("火队") == nil)
        #expect(fallback.signing("队队")?.route == .characters)
        #expect(fallback.signing("国家")?.route == .lexicon)
    }

    @Test func inWordsIsOnlyForSingleCharacters() throws {
        let text = Self.entries.replacingOccurrences(of: "zh-Hans: 国家\n", with: "zh-Hans: 国家; in-words=true\n")
        let issues = try LexiconFixtures.issues(text)
        #expect(issues.contains { $0.field == "zh-Hans.in-words" && $0.line == 31 }, "\(issues)")
    }
}

@Suite("Coverage of the most frequent words")
struct VocabularyCoverageTests {
    static func coverage(_ signLanguage: String, _ language: String, top: Int) throws -> VocabularyCoverage {
        let tools = try LanguageTools(root: LexiconFixtures.root, signLanguage: signLanguage)
        let list = try FrequencyList(language: language, root: LexiconFixtures.root, lemmatizer: language == "en" ? tools.lemmatizer : nil)
        return VocabularyCoverage(list: list, top: top, fallback: tools.fallback(language: language))
    }

    @Test func cslSignsTheTopChineseWords() throws {
        let top1000 = try Self.coverage("csl", "zh-Hans", top: 1000)
        #expect(top1000.marks.count == 1000)
        #expect(top1000.marks.first?.word == "中国")
        #expect(top1000.signedShare >= 0.9, "CSL top 1,000: \(top1000.signedShare)")
        let top3000 = try Self.coverage("csl", "zh-Hans", top: 3000)
        #expect(top3000.signedShare >= 0.75, "CSL top 3,000: \(top3000.signedShare)")
    }

    @Test func aslSignsTheTopEnglishWords() throws {
        let top1000 = try Self.coverage("asl", "en", top: 1000)
        #expect(top1000.marks.count == 1000)
        let words = Set(top1000.marks.map(\.word))
        #expect(!words.contains("the") && !words.contains("you") && !words.contains("doing"), "function words and pronouns left out")
        #expect(words.contains("time") && !words.contains("times") && words.contains("friend") && !words.contains("friends")
                && words.contains("news") && words.contains("miss"), "lemmatised, each lemma once")
        #expect(top1000.signedShare >= 0.9, "ASL top 1,000: \(top1000.signedShare)")
    }

    @Test func theReportCountsEachKindAndListsFingerspelledWordsMostFrequentFirst() throws {
        let coverage = try Self.coverage("csl", "zh-Hans", top: 200)
        #expect(coverage.counts.values.reduce(0, +) == 200)
        #expect(Set(coverage.counts.keys) == Set(VocabularyCoverage.Kind.allCases.map(\.rawValue)))
        let spelled = coverage.marks.filter { $0.kind == .fingerspelled }
        #expect(zip(spelled, spelled.dropFirst()).allSatisfy { $0.frequency >= $1.frequency })
        #expect(coverage.text.contains("fingerspelled, most frequent first:\n  " + spelled.prefix(3).map(\.word).joined(separator: " ")))
        #expect(coverage.marks.allSatisfy { ($0.kind == .fingerspelled) == $0.signs.isEmpty })
        #expect(coverage.marks.filter { $0.kind == .characters }.allSatisfy { $0.signs.count >= 2 })
    }
}
