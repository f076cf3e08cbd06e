/// What a sign-language folder declares about itself in `language.txt`.
///
/// Adding a sign language is adding a folder with this file and entry files; no code changes.
public struct SignLanguageInfo: Sendable, Codable, Equatable {
    /// The folder name and code, e.g. `csl`.
    public var code: String
    /// A human-readable name.
    public var name: String
    /// The spoken languages whose words entries may list, as BCP 47 tags (`zh-Hans`, `en`).
    public var spokenLanguages: [String]
    /// The categories entries may use.
    public var categories: [String]
    /// How names are spelt: `pinyin` (spell the pinyin of Chinese text) or `latin` (spell letters).
    public var fingerspelling: FingerspellingScheme
    /// Which signs mouth their spoken word (docs/mouthing.md).
    public var mouthing: MouthingScope

    /// Creates the description of a sign language.
    public init(code: String, name: String, spokenLanguages: [String], categories: [String],
                fingerspelling: FingerspellingScheme, mouthing: MouthingScope = .words) {
        self.code = code
        self.name = name
        self.spokenLanguages = spokenLanguages
        self.categories = categories
        self.fingerspelling = fingerspelling
        self.mouthing = mouthing
    }
}

/// Which signs of a sign language mouth their spoken word: CSL signers mouth the Chinese word with most signs;
/// ASL signers mouth mainly nouns (and English-derived signs), using mouth morphemes elsewhere.
public enum MouthingScope: String, Sendable, Codable, CaseIterable {
    /// Every sign mouths its word.
    case words
    /// Only signs with a noun sense in the sign language's spoken language (or a mouth picture of their own).
    case nouns
}

/// How text is turned into fingerspelling units.
public enum FingerspellingScheme: String, Sendable, Codable, CaseIterable {
    /// Chinese text is converted to pinyin, each syllable spelt initial then final (ZH CH SH NG are units).
    case pinyin
    /// Latin letters are spelt one by one.
    case latin
}
