import Foundation
import Lexicon
import Motion
import Pipeline
import Testing
import TestSupport

@Suite("Which signs mouth which word")
struct WordMouthingTests {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path

    @Test("CSL mouths its entries' pinyin pictures and words; ASL mouths nouns only")
    func scope() throws {
        let csl = try LanguageTools(root: Self.root, signLanguage: "csl")
        let cslWords = try WordMouthing(root: Self.root, tools: csl)
        let beijing = try #require(csl.lexicon.entry(id: "beijing"))
        #expect(cslWords.visemes(entry: beijing, words: ["北京"]) == [.PP, .E, .ih, .SS, .ih, .nn])
        let shuo = try #require(csl.lexicon.entry(id: "shuo"))
        #expect(cslWords.visemes(entry: shuo, words: ["说"])?.isEmpty == false, "a CSL verb mouths too")

        let asl = try LanguageTools(root: Self.root, signLanguage: "asl")
        #expect(asl.lexicon.info.mouthing == .nouns)
        let aslWords = try WordMouthing(root: Self.root, tools: asl)
        let noun = try #require(asl.lexicon.entries.first { $0.words.contains { $0.language == "en" && $0.partOfSpeech == .noun } })
        let verb = try #require(asl.lexicon.entries.first { entry in
            entry.words.contains { $0.partOfSpeech == .verb } && !entry.words.contains { $0.partOfSpeech == .noun }
                && !entry.phonology.nonManual.flatMap(\.allNodes).contains { $0.kind == .mouthPicture }
        })
        #expect(aslWords.visemes(entry: noun, words: noun.words.first?.words ?? [])?.isEmpty == false, "\(noun.id)")
        #expect(aslWords.visemes(entry: verb, words: verb.words.first?.words ?? []) == [], "\(verb.id) mouths nothing")
    }
}
