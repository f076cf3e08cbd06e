import Lexicon

extension GlossTranslator {
    /// Loads everything a sign language needs from a lexicon root: the dictionary, its grammar file
    /// (`<code>/rules/gloss.txt`), and the spoken-language tools the grammar's language calls for
    /// (Chinese segmenter and pinyin, or the English lemmatizer).
    /// - Throws: ``LexiconError`` for a missing or broken lexicon or spoken data, ``GlossError`` for the grammar.
    public static func load(root: String, signLanguage: String) throws -> GlossTranslator {
        let lexicon = try LexiconLoader.load(root: root, signLanguage: signLanguage)
        let grammar = try GrammarParser.load(folder: "\(root)/\(lexicon.info.code)")
        let chinese = grammar.spokenLanguage.hasPrefix("zh")
        let segmenter = chinese ? try ChineseSegmenter(lexicon: lexicon, root: root) : nil
        let lemmatizer = grammar.spokenLanguage == "en" ? try EnglishLemmatizer(lexicon: lexicon, root: root) : nil
        let pinyin = lexicon.info.fingerspelling == .pinyin ? try Pinyin(root: root) : nil
        return try GlossTranslator(lexicon: lexicon, grammar: grammar, segmenter: segmenter,
                                   lemmatizer: lemmatizer, pinyin: pinyin)
    }
}
