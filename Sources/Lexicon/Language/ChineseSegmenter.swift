/// Splits Chinese text into words, preferring the lexicon's words, then a general word list, and single
/// characters only where no word of two or more characters fits.
///
/// Each run of CJK characters is split by minimum cost: every token costs 1, a lexicon word of two or more
/// characters costs 0.4. So lexicon words win over a general word spanning them (国务院|总理, not 国务院总理),
/// general words win over single characters (有望, not 有|望), and a lexicon word is not broken by a general
/// word straddling it (以|四|比|二|战胜, not 比|二战|胜), which plain forward longest match gets wrong.
///
/// Latin letters, numbers and punctuation come out as their own tokens, so a mixed line such as
/// `2024年GDP增长5.2%` segments sensibly.
public struct ChineseSegmenter: Sendable {
    /// One piece of segmented text.
    public struct Token: Sendable, Equatable, Codable {
        /// What kind of piece it is.
        public enum Kind: String, Sendable, Codable {
            /// A word (or single character) that some lexicon entry maps.
            case lexicon
            /// A word from the general word list that no entry maps.
            case general
            /// A single CJK character that no word covers and no entry maps.
            case character
            /// A number: digits with `.`, `,`, `%`.
            case number
            /// A run of Latin letters.
            case latin
            /// Punctuation or a symbol.
            case punctuation
        }

        /// The text of the token.
        public var text: String
        /// Its kind.
        public var kind: Kind

        /// Creates a token.
        public init(_ text: String, _ kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    private let lexiconWords: Set<String>
    private let generalWords: Set<String>
    private let longest: Int

    /// The general word list's file under the spoken folder.
    public static let wordListFileName = "generated/zh-words.txt"

    /// Creates a segmenter from the lexicon's words and a general word list.
    public init(lexiconWords: Set<String>, generalWords: Set<String>) {
        self.lexiconWords = lexiconWords
        self.generalWords = generalWords
        // Scalars, not Characters: counting graphemes in 130,000 words is most of a start-up's segmenter time, and a
        // CJK word has as many of each (a longer window where they differ only costs a few lookups).
        longest = max(lexiconWords.lazy.map { $0.unicodeScalars.count }.max() ?? 1, generalWords.lazy.map { $0.unicodeScalars.count }.max() ?? 1)
    }

    /// Creates a segmenter for `lexicon`'s `zh-Hans` words and the general list under `root`.
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when the word list has not been generated.
    public init(lexicon: Lexicon, root: String) throws {
        var general: Set<String> = []
        general.reserveCapacity(130_000)
        for (_, text) in try SpokenData.records(Self.wordListFileName, root: root) {
            // The word is the first tab-separated field, found by bytes (no grapheme breaking).
            general.insert(String(text[..<(text.utf8.firstIndex(of: 0x09) ?? text.endIndex)]))
        }
        self.init(lexiconWords: lexicon.words(language: "zh-Hans"), generalWords: general)
    }

    /// The tokens of `text` in order; whitespace is dropped.
    public func segment(_ text: String) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if Self.isCJK(character) {
                var end = index
                while end < characters.count, Self.isCJK(characters[end]) { end += 1 }
                tokens += cjkWords(characters[index..<end])
                index = end
            } else {
                let (end, kind) = Self.run(characters, at: index)
                tokens.append(Token(String(characters[index..<end]), kind))
                index = end
            }
        }
        return tokens
    }

    /// The cheapest split of a run of CJK characters (dynamic programming over end positions).
    private func cjkWords(_ run: ArraySlice<Character>) -> [Token] {
        let characters = Array(run)
        let count = characters.count
        // best[i]: cost of the cheapest split of characters[0..<i]; choice[i]: the last token of that split.
        var best = [Double](repeating: .infinity, count: count + 1)
        var choice = [(start: Int, kind: Token.Kind)](repeating: (0, .character), count: count + 1)
        best[0] = 0
        for end in 1...count {
            for start in max(0, end - longest)..<end where best[start].isFinite {
                let length = end - start
                let kind: Token.Kind
                let cost: Double
                if length == 1 {
                    kind = lexiconWords.contains(String(characters[start])) ? .lexicon : .character
                    cost = 1
                } else {
                    let word = String(characters[start..<end])
                    // A word does not start inside a numeral: 四亿八千万人次 is 四亿八千万 人次, not 四亿八千 万人次.
                    if start > 0, ChineseNumerals.isNumeral(String(characters[start - 1])),
                       ChineseNumerals.isNumeral(String(characters[start])), !ChineseNumerals.isNumeral(word) { continue }
                    if lexiconWords.contains(word) { (kind, cost) = (.lexicon, 0.4) }
                    else if generalWords.contains(word) { (kind, cost) = (.general, 1) }
                    else { continue }
                }
                if best[start] + cost < best[end] - 1e-9 {
                    best[end] = best[start] + cost
                    choice[end] = (start, kind)
                }
            }
        }
        var tokens: [Token] = []
        var end = count
        while end > 0 {
            let (start, kind) = choice[end]
            tokens.append(Token(String(characters[start..<end]), kind))
            end = start
        }
        return tokens.reversed()
    }

    private static func run(_ characters: [Character], at start: Int) -> (Int, Token.Kind) {
        var end = start + 1
        let first = characters[start]
        if first.isNumber {
            while end < characters.count {
                let next = characters[end]
                if next.isNumber && !isCJK(next) {
                    end += 1
                } else if next == "." || next == ",", end + 1 < characters.count,
                          characters[end + 1].isNumber, !isCJK(characters[end + 1]) {
                    end += 1
                } else {
                    if next == "%" || next == "％" { end += 1 }
                    break
                }
            }
            return (end, .number)
        }
        if first.isLetter {
            while end < characters.count, characters[end].isLetter, !isCJK(characters[end]) { end += 1 }
            return (end, .latin)
        }
        return (end, .punctuation)
    }

    /// True for a character in the CJK Unified Ideographs blocks (including extensions and compatibility forms).
    public static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3007: return true
        default: return false
        }
    }
}
