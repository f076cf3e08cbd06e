import Lexicon
import Motion

/// Which mouth shapes go with each sign (docs/mouthing.md): the entry's own `mouth_picture`, read in the spelling of
/// the sign language's spoken language (CSL entries write pinyin, `beijing`), else the spoken words the sign
/// stands for (Chinese characters through pinyin, English through its spelling rules).
public struct WordMouthing: Sendable {
    /// A speller per spoken language tag (`zh-Hans`, `en`) that has a viseme file.
    private let spellers: [String: VisemeSpeller]
    /// The sign language's own spoken language (the first it lists): how its entries' mouth pictures are written.
    private let primary: String?
    /// Which signs mouth their word.
    private let scope: MouthingScope

    /// Loads the viseme files of the spoken languages `tools`' lexicon lists, from the lexicon folder `root`.
    /// - Throws: ``LexiconError`` naming a bad viseme file.
    public init(root: String, tools: LanguageTools) throws {
        try self.init(root: root, info: tools.lexicon.info, pinyin: tools.pinyin)
    }

    /// Loads the viseme files of the spoken languages `lexicon` lists (and the character readings for Chinese).
    /// - Throws: ``LexiconError`` naming a bad or missing data file.
    public init(root: String, lexicon: Lexicon) throws {
        let info = lexicon.info
        try self.init(root: root, info: info, pinyin: info.spokenLanguages.contains("zh-Hans") ? try Pinyin(root: root) : nil)
    }

    private init(root: String, info: SignLanguageInfo, pinyin: Pinyin?) throws {
        var spellers: [String: VisemeSpeller] = [:]
        for language in info.spokenLanguages where VisemeSpeller.exists(language, root: root) {
            spellers[language] = try VisemeSpeller(root: root, language: language, pinyin: pinyin)
        }
        self.spellers = spellers
        primary = info.spokenLanguages.first
        scope = info.mouthing
    }

    /// The visemes to mouth with `entry`, signed for the spoken `words`; empty when the sign mouths nothing (a verb in
    /// a sign language that mouths nouns only); nil when its words give no mouth shapes.
    public func visemes(entry: LexiconEntry, words: [String]) -> [Viseme]? {
        let picture = ([entry.phonology.manual] + entry.phonology.nonManual).flatMap(\.allNodes)
            .first { $0.kind == .mouthPicture }?["picture"]
        if let picture, let primary, let speller = spellers[primary] {
            let visemes = speller.visemes(picture)
            if !visemes.isEmpty { return visemes }
        }
        if scope == .nouns, !entry.words.contains(where: { $0.language == primary && $0.partOfSpeech == .noun }) { return [] }
        let text = words.joined(separator: " ")
        let language = text.contains(where: ChineseSegmenter.isCJK) ? "zh-Hans" : "en"
        let visemes = spellers[language]?.visemes(text) ?? []
        return visemes.isEmpty ? nil : visemes
    }
}
