import Lexicon

extension GlossTranslator {
    /// Loads everything a sign language needs from a lexicon root: the dictionary, its grammar file
    /// (`<code>/rules/gloss.txt`), and the spoken-language tools the grammar's language calls for
    /// (Chinese segmenter and pinyin, or the English lemmatizer).
    /// - Throws: ``LexiconError`` for a missing or broken lexicon or spoken data, ``GlossError`` for the grammar.
    public static func load(root: String, signLanguage: String) throws -> GlossTranslator {
        try GlossTranslator(tools: LanguageTools(root: root, signLanguage: signLanguage), root: root)
    }

    /// A translator over already loaded language tools, with the grammar file of their sign language under `root`.
    /// - Throws: ``GlossError`` for the grammar.
    public init(tools: LanguageTools, root: String) throws {
        let grammar = try GrammarParser.load(folder: "\(root)/\(tools.lexicon.info.code)")
        try self.init(lexicon: tools.lexicon, grammar: grammar,
                      segmenter: grammar.spokenLanguage.hasPrefix("zh") ? tools.segmenter : nil,
                      lemmatizer: grammar.spokenLanguage == "en" ? tools.lemmatizer : nil,
                      pinyin: tools.lexicon.info.fingerspelling == .pinyin ? tools.pinyin : nil,
                      thesaurus: grammar.spokenLanguage == "en" ? tools.thesaurus : nil,
                      names: grammar.spokenLanguage.hasPrefix("zh") ? tools.names : nil)
    }
}
