/// Everything a stage needs to map one sign language's text to signs, loaded in one call: the lexicon,
/// and for its spoken languages the segmenter, lemmatizer, pinyin, names, function words, fingerspeller and thesaurus.
///
/// Gloss and Motion load this once at start-up; a broken lexicon or missing data fails here with a
/// message naming the file.
public struct LanguageTools: Sendable {
    /// The sign language's dictionary.
    public let lexicon: Lexicon
    /// Chinese word segmentation, when the sign language lists `zh-Hans` words.
    public let segmenter: ChineseSegmenter?
    /// English lemmatisation, when the sign language lists `en` words.
    public let lemmatizer: EnglishLemmatizer?
    /// Character readings, when the sign language lists `zh-Hans` words.
    public let pinyin: Pinyin?
    /// Chinese personal names the word list lacks (surnames), when the sign language lists `zh-Hans` words.
    public let names: ChineseNames?
    /// Function words by spoken language, for the languages that have a list.
    public let functionWords: [String: Set<String>]
    /// Fingerspelling with the sign language's alphabet.
    public let fingerspeller: Fingerspeller
    /// WordNet first-sense synonyms, when the sign language lists `en` words.
    public let thesaurus: Thesaurus?

    /// Loads sign language `code` and its spoken-language data from the lexicon folder `root`.
    /// - Throws: ``LexiconError`` naming the file at fault.
    public init(root: String, signLanguage code: String) throws {
        let lexicon = try LexiconLoader.load(root: root, signLanguage: code)
        let spoken = lexicon.info.spokenLanguages
        let pinyin = spoken.contains("zh-Hans") ? try Pinyin(root: root) : nil
        self.lexicon = lexicon
        self.pinyin = pinyin
        segmenter = spoken.contains("zh-Hans") ? try ChineseSegmenter(lexicon: lexicon, root: root) : nil
        names = spoken.contains("zh-Hans") ? try ChineseNames(root: root) : nil
        lemmatizer = spoken.contains("en") ? try EnglishLemmatizer(lexicon: lexicon, root: root) : nil
        var functionWords: [String: Set<String>] = [:]
        for language in spoken where SpokenData.exists("\(language)-function-words.txt", root: root) {
            functionWords[language] = try TextCoverage.functionWords(language: language, root: root)
        }
        self.functionWords = functionWords
        fingerspeller = Fingerspeller(lexicon: lexicon, pinyin: pinyin)
        thesaurus = spoken.contains("en") ? try Thesaurus(root: root) : nil
    }

    /// The sign-finding cascade for words of spoken language `language` (``SignFallback``).
    public func fallback(language: String) -> SignFallback {
        SignFallback(lexicon: lexicon, language: language, lemmatizer: language == "en" ? lemmatizer : nil,
                     thesaurus: language == "en" ? thesaurus : nil)
    }
}
