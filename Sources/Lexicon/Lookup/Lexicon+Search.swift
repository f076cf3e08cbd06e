import Foundation

/// One result of ``Lexicon/search(_:pinyin:limit:)``.
public struct SearchHit: Sendable, Equatable {
    /// How well the query matched, best first.
    public enum Rank: Int, Sendable, Codable, Comparable {
        // A pinyin match (the whole spelling's start, or every initial) outranks a substring: `bj` is 北京 before it
        // is the middle of "object".
        case exact, prefix, pinyin, substring

        /// Better ranks compare smaller.
        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The sign.
    public var entry: LexiconEntry
    /// The word, gloss or pinyin spelling that matched.
    public var matched: String
    /// How it matched.
    public var rank: Rank
}

extension Lexicon {
    /// Entries whose words, gloss or id match `query`, best first.
    ///
    /// Ranks: exact match, then prefix, then (for a pinyin query, with `pinyin`) the pinyin or its initials of a
    /// Chinese word, with or without tones (`beijing`, `běijīng`, `bei3jing1` or `bj` → 北京), then substring. Within a rank shorter
    /// matches come first, then the word's priority, then file order. Each entry appears once, at its best rank.
    /// - Parameters:
    ///   - query: text to look for; case is ignored.
    ///   - pinyin: readings for matching Chinese words by pinyin; nil to skip that rank.
    ///   - limit: the most hits to return.
    public func search(_ query: String, pinyin: Pinyin? = nil, limit: Int = 20) -> [SearchHit] {
        let needle = Self.key(query)
        guard !needle.isEmpty else { return [] }
        let spelled = Self.toneless(needle)
        let asciiQuery = !spelled.isEmpty && spelled.allSatisfy { $0.isASCII && $0.isLetter }
        var best: [Int: (hit: SearchHit, priority: Int)] = [:]
        func consider(_ index: Int, _ text: String, _ priority: Int) {
            let candidate = Self.key(text)
            let rank: SearchHit.Rank
            if candidate == needle { rank = .exact }
            else if candidate.hasPrefix(needle) { rank = .prefix }
            else if asciiQuery, let pinyin, Self.pinyinMatches(text, spelled, pinyin) { rank = .pinyin }
            else if candidate.contains(needle) { rank = .substring }
            else { return }
            let hit = SearchHit(entry: entries[index], matched: text, rank: rank)
            if let old = best[index], (old.hit.rank, old.hit.matched.count, old.priority) <= (rank, text.count, priority) {
                return
            }
            best[index] = (hit, priority)
        }
        for (index, entry) in entries.enumerated() {
            consider(index, entry.gloss, 1)
            consider(index, entry.id, 1)
            for sense in entry.words {
                for word in sense.words { consider(index, word, sense.priority) }
            }
        }
        return best.sorted { lhs, rhs in
            (lhs.value.hit.rank, lhs.value.hit.matched.count, lhs.value.priority, lhs.key)
                < (rhs.value.hit.rank, rhs.value.hit.matched.count, rhs.value.priority, rhs.key)
        }.prefix(limit).map(\.value.hit)
    }

    /// Pinyin as typed, without tones or spaces, ü as v: `Běi jīng`, `bei3jing1`, `lǜ` → `beijing`, `lv`.
    static func toneless(_ query: String) -> String {
        let umlauts: Set<Character> = ["ü", "ǖ", "ǘ", "ǚ", "ǜ"]
        let plain = String(query.lowercased().map { umlauts.contains($0) ? "v" : $0 })
        return plain.folding(options: .diacriticInsensitive, locale: nil).filter { !$0.isWhitespace && !("1"..."5").contains($0) }
    }

    private static func pinyinMatches(_ text: String, _ query: String, _ pinyin: Pinyin) -> Bool {
        guard text.unicodeScalars.contains(where: { pinyin.reading($0) != nil }) else { return false }
        let syllables = pinyin.syllables(text).map { $0.replacingOccurrences(of: "ü", with: "v") }
        let full = syllables.joined()
        return full.hasPrefix(query) || String(syllables.compactMap(\.first)) == query
    }
}
