/// Turns a name or word into fingerspelling units and their signs, following the sign language's scheme.
///
/// With the `pinyin` scheme (CSL) Chinese characters become toneless pinyin and each syllable is spelt
/// initial then final, with the two-letter units ZH CH SH NG taken before single letters; `ü` uses the
/// `Ü` unit when the alphabet has one, else `V`. With `latin` (ASL) letters are spelt one by one.
/// Units are matched longest first against the `spells:` units the lexicon defines, so an alphabet is data.
public struct Fingerspeller: Sendable {
    /// One spelt unit and the lexicon entry that signs it (nil when the alphabet lacks it).
    public struct Unit: Sendable, Equatable {
        /// The unit, upper case (`ZH`, `A`).
        public var unit: String
        /// Its sign.
        public var entry: LexiconEntry?
    }

    private let lexicon: Lexicon
    private let pinyin: Pinyin?
    private let units: [String]

    /// Creates a speller for `lexicon`'s alphabet; `pinyin` is needed for Chinese text under the pinyin scheme.
    public init(lexicon: Lexicon, pinyin: Pinyin?) {
        self.lexicon = lexicon
        self.pinyin = pinyin
        units = lexicon.entries.compactMap(\.spells).sorted { $0.count > $1.count }
    }

    /// The units that spell `text`: letters and digits are kept, other characters dropped; with the pinyin
    /// scheme each syllable is split on its own (南瓜 `nan gua` → N A N G U A, not N A NG U A).
    public func units(for text: String) -> [String] {
        var chunks: [String] = []
        var letters = ""
        for character in text {
            if ChineseSegmenter.isCJK(character), lexicon.info.fingerspelling == .pinyin, let pinyin {
                chunks.append(letters)
                letters = ""
                chunks += pinyin.syllables(String(character))
            } else if character.isLetter || character.isNumber {
                letters.append(character)
            }
        }
        chunks.append(letters)
        return chunks.filter { !$0.isEmpty }.flatMap { split(Pinyin.toneless($0.lowercased()).uppercased()) }
    }

    /// The units of `text` with their signs.
    public func spell(_ text: String) -> [Unit] {
        units(for: text).map { Unit(unit: $0, entry: lexicon.fingerspelling($0)) }
    }

    private func split(_ letters: String) -> [String] {
        var result: [String] = []
        var rest = Substring(letters)
        while let first = rest.first {
            if first == "Ü" {
                result.append(["Ü", "V", "U"].first { lexicon.fingerspelling($0) != nil } ?? "Ü")
                rest = rest.dropFirst()
            } else if let unit = units.first(where: { $0.count > 1 && rest.hasPrefix($0) }) {
                result.append(unit)
                rest = rest.dropFirst(unit.count)
            } else {
                result.append(String(first))
                rest = rest.dropFirst()
            }
        }
        return result
    }
}
