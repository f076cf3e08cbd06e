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

    /// Creates the description of a sign language.
    public init(code: String, name: String, spokenLanguages: [String], categories: [String],
                fingerspelling: FingerspellingScheme) {
        self.code = code
        self.name = name
        self.spokenLanguages = spokenLanguages
        self.categories = categories
        self.fingerspelling = fingerspelling
    }
}

/// How text is turned into fingerspelling units.
public enum FingerspellingScheme: String, Sendable, Codable, CaseIterable {
    /// Chinese text is converted to pinyin, each syllable spelt initial then final (ZH CH SH NG are units).
    case pinyin
    /// Latin letters are spelt one by one.
    case latin
}
