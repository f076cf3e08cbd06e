import Gloss
import Testing

@Suite("grammar files")
struct GrammarTests {
    @Test("the shipped grammars parse and name their spoken language")
    func shipped() throws {
        #expect(try GrammarParser.load(folder: Translators.root + "/csl").spokenLanguage == "zh-Hans")
        let asl = try GrammarParser.load(folder: Translators.root + "/asl")
        #expect(asl.spokenLanguage == "en" && asl.contains(.wh, "how many") && asl.numberPlaces.first?.word == "billion")
    }

    @Test("a bad line is named by file and line")
    func errors() {
        let cases: [(String, Int)] = [
            ("[settings]\nspoken-language = en\n[nonsense]\n", 3),
            ("[settings]\nspoken-language = en\nnegation = sideways\n", 3),
            ("the a an\n", 1),
            ("[settings]\nnegation = in-place\n", 1),
            ("[settings]\nspoken-language = en\n[number-places]\nhundred = lots\n", 4),
        ]
        for (text, line) in cases {
            #expect(throws: GlossError.self) { try GrammarParser.parse(text, path: "g.txt") }
            do {
                _ = try GrammarParser.parse(text, path: "g.txt")
            } catch let error as GlossError {
                #expect(error.description.hasPrefix("g.txt:\(line):"), "\(error)")
                #expect(error.isUserError)
            } catch {}
        }
    }

    @Test("a new sign language is data: a grammar switch changes the order without code")
    func dataDriven() throws {
        var grammar = try GrammarParser.parse("[settings]\nspoken-language = en\nnegation = clause-end\n[negator]\nnot\n",
                                              path: "x")
        let asl = try Translators.asl.get()
        let translator = try GlossTranslator(lexicon: asl.lexicon, grammar: grammar, segmenter: nil, lemmatizer: nil, pinyin: nil)
        #expect(Translators.signedWords(translator.translate(text: "I not like coffee")) == ["I", "like", "coffee", "not"])
        grammar.negation = .inPlace
        let inPlace = try GlossTranslator(lexicon: asl.lexicon, grammar: grammar, segmenter: nil, lemmatizer: nil, pinyin: nil)
        #expect(Translators.signedWords(inPlace.translate(text: "I not like coffee")) == ["I", "not", "like", "coffee"])
    }
}
