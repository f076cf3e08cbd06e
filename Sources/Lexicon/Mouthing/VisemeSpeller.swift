import Foundation

/// A spoken word → the mouth shapes a signer shows while mouthing it, from a spoken-language data file
/// (`Lexicon/spoken/LANGUAGE-visemes.txt`, docs/mouthing.md), so a linguist edits the mapping without Swift:
///
/// - spelling rules (`spell LETTERS VISEME…`, `silent LETTERS[$]`): read left to right, the longest letter group first
///   (English; SAMPA);
/// - pinyin rules (`initial INITIAL VISEME…`, `final FINAL VISEME…`): each syllable split into initial and final
///   (Chinese: characters are read with ``Pinyin``; pinyin text is read as it is, `beijing` → bei jing).
public struct VisemeSpeller: Sendable {
    private var spellings: [String: [Viseme]] = [:]
    /// Silent groups at the end of a word only (`e$`), and anywhere.
    private var silentAtEnd: Set<String> = [], silent: Set<String> = []
    private var initials: [String: [Viseme]] = [:], finals: [String: [Viseme]] = [:]
    private var longest = 1
    private let pinyin: Pinyin?
    /// Whether letters are matched as written: SAMPA's capitals are other sounds (S is ʃ, T is θ, V is ʌ).
    private let caseSensitive: Bool

    /// The data file of spoken language `language` (`zh-Hans`, `en`) or `sampa` under the spoken folder.
    public static func fileName(_ language: String) -> String { "\(language)-visemes.txt" }

    /// Whether `root` has a viseme file for `language`.
    public static func exists(_ language: String, root: String) -> Bool { SpokenData.exists(fileName(language), root: root) }

    /// Loads the viseme file of `language` under `root`; `pinyin` reads Chinese characters for pinyin rules. The
    /// `sampa` file is matched case-sensitively, the spoken languages' files lowercased.
    /// - Throws: ``LexiconError`` naming the file and line of a bad rule.
    public init(root: String, language: String, pinyin: Pinyin? = nil) throws {
        let name = Self.fileName(language)
        try self.init(records: try SpokenData.records(name, root: root), path: SpokenData.path(name, root: root), pinyin: pinyin,
                      caseSensitive: language == "sampa")
    }

    /// Parses rule lines (number, text), as the file holds them; `path` is for messages.
    init(records: [(line: Int, text: Substring)], path: String, pinyin: Pinyin?, caseSensitive: Bool = false) throws {
        self.pinyin = pinyin
        self.caseSensitive = caseSensitive
        var issues: [LexiconIssue] = []
        for (line, text) in records {
            let fields = text.split(whereSeparator: \.isWhitespace).map(String.init)
            func issue(_ message: String) { issues.append(LexiconIssue(file: path, line: line, field: "visemes", message: message)) }
            guard let keyword = fields.first else { continue }
            let visemes = fields.dropFirst(2).compactMap(Viseme.init(rawValue:))
            let group = fields.count > 1 ? (caseSensitive ? fields[1] : fields[1].lowercased()) : ""
            switch keyword {
            case "spell", "initial", "final":
                guard fields.count >= 3, visemes.count == fields.count - 2, !group.isEmpty else {
                    issue("expected '\(keyword) LETTERS VISEME…' with visemes among \(Viseme.allCases.map(\.rawValue).joined(separator: " "))")
                    continue
                }
                switch keyword {
                case "spell": spellings[group] = visemes
                case "initial": initials[group] = visemes
                default: finals[group] = visemes
                }
                longest = max(longest, group.count)
            case "silent":
                guard fields.count == 2, !group.isEmpty, group != "$" else { issue("expected 'silent LETTERS' or 'silent LETTERS$'"); continue }
                if group.hasSuffix("$") { silentAtEnd.insert(String(group.dropLast())) } else { silent.insert(group) }
                longest = max(longest, group.count)
            default:
                issue("unknown rule '\(keyword)' (expected spell, silent, initial or final)")
            }
        }
        if issues.isEmpty, spellings.isEmpty, finals.isEmpty {
            issues.append(LexiconIssue(file: path, line: 0, field: "visemes", message: "no spell or final rules"))
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
    }

    /// The visemes of `word`, repeated shapes merged (two `ih` in a row are one mouth shape held).
    public func visemes(_ word: String) -> [Viseme] {
        var out: [Viseme] = []
        let letters = caseSensitive ? word : word.lowercased()
        for viseme in finals.isEmpty ? spelled(letters) : syllables(word).flatMap(pinyinVisemes) where out.last != viseme {
            out.append(viseme)
        }
        return out
    }

    // MARK: - Spelling rules

    /// Greedy longest match over the word's letters; letters without a rule are skipped.
    private func spelled(_ word: String) -> [Viseme] {
        let letters = Array(word)
        var out: [Viseme] = []
        var index = 0
        while index < letters.count {
            var matched = false
            for length in stride(from: min(longest, letters.count - index), through: 1, by: -1) {
                let group = String(letters[index..<index + length])
                let atEnd = index + length == letters.count
                if (atEnd && silentAtEnd.contains(group)) || silent.contains(group) {
                    index += length; matched = true; break
                }
                if let visemes = spellings[group] {
                    out += visemes; index += length; matched = true; break
                }
            }
            if !matched { index += 1 }
        }
        return out
    }

    // MARK: - Pinyin rules

    /// Toneless pinyin syllables: Chinese characters through ``Pinyin``; runs of Latin letters split into syllables.
    private func syllables(_ text: String) -> [String] {
        var out: [String] = []
        var latin = ""
        func flushLatin() {
            if !latin.isEmpty { out += split(latin); latin = "" }
        }
        for character in text {
            if let scalar = character.unicodeScalars.first, let reading = pinyin?.reading(scalar) {
                flushLatin()
                out.append(Pinyin.toneless(reading).lowercased())
            } else if case let plain = Pinyin.toneless(String(character)).lowercased(), character.isLetter,
                      plain.allSatisfy({ $0.isASCII || $0 == "ü" }) {
                // Pinyin with tone marks (běijīng) reads as without them.
                latin.append(contentsOf: plain)
            } else {
                flushLatin()
            }
        }
        flushLatin()
        return out
    }

    /// Pinyin text without spaces split into syllables, longest syllable first (`beijing` → bei jing).
    private func split(_ text: String) -> [String] {
        let letters = Array(text)
        var out: [String] = [], index = 0
        while index < letters.count {
            var taken = 1
            for length in stride(from: min(6, letters.count - index), through: 1, by: -1)
            where parse(String(letters[index..<index + length])) != nil {
                taken = length; break
            }
            out.append(String(letters[index..<index + taken]))
            index += taken
        }
        return out
    }

    /// A syllable as (initial, final) when both parts are known; the initial may be empty (`an`).
    private func parse(_ syllable: String) -> (initial: String, final: String)? {
        let syllable = syllable.replacingOccurrences(of: "ü", with: "v")
        for length in [2, 1, 0] where syllable.count > length {
            let initial = String(syllable.prefix(length))
            guard length == 0 || initials[initial] != nil else { continue }
            var final = String(syllable.dropFirst(length))
            // After j q x y, a written u is ü (ju, que, xuan, yun).
            if ["j", "q", "x", "y"].contains(initial), final.hasPrefix("u") { final = "v" + final.dropFirst() }
            if finals[final] != nil { return (initial, final) }
        }
        return nil
    }

    private func pinyinVisemes(_ syllable: String) -> [Viseme] {
        guard let (initial, final) = parse(syllable) else { return [] }
        return (initials[initial] ?? []) + (finals[final] ?? [])
    }
}
