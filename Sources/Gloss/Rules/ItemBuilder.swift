import Lexicon

/// Groups a sentence's tokens into items (multiword expressions of the grammar or lexicon, time phrases,
/// dates) and gives each its role from the grammar's word classes.
struct ItemBuilder: Sendable {
    let grammar: GlossGrammar
    let lexicon: Lexicon
    /// The longest multiword expression to try, in tokens.
    let longest: Int

    init(grammar: GlossGrammar, lexicon: Lexicon) {
        self.grammar = grammar
        self.lexicon = lexicon
        longest = min(4, max(grammar.longestEntry, 3))
    }

    /// The items of one clause's word tokens (no boundary punctuation), in source order.
    func items(_ tokens: [SourceToken]) -> [Item] {
        var items: [Item] = []
        var index = 0
        while index < tokens.count {
            let length = phraseLength(tokens, at: index)
            var item = Item(tokens: Array(tokens[index..<index + length]), role: .content, phrase: items.count)
            item.role = role(of: item, after: items.last)
            items.append(item)
            index += length
        }
        return mergeTimePhrases(items)
    }

    /// How many tokens from `start` form one multiword expression (1 when none).
    private func phraseLength(_ tokens: [SourceToken], at start: Int) -> Int {
        guard tokens[start].kind == .word else { return 1 }
        var length = min(longest, tokens.count - start)
        while length > 1 {
            let slice = tokens[start..<start + length]
            if slice.allSatisfy({ $0.kind == .word }) {
                let key = Item(tokens: Array(slice), role: .content, phrase: 0).key
                if WordClass.allCases.contains(where: { grammar.contains($0, key) }) || grammar.synonyms[key] != nil
                    || lexicon.lookup(key, language: grammar.spokenLanguage).contains(where: { $0.kind == .word }) {
                    return length
                }
            }
            length -= 1
        }
        return 1
    }

    private func role(of item: Item, after previous: Item?) -> Item.Role {
        let key = item.key
        switch item.tokens.first?.kind {
        case .number: return .number
        case .symbol, .punctuation: return .symbol
        default: break
        }
        if grammar.contains(.wh, key) { return .wh }
        if grammar.contains(.negator, key) { return .negator }
        if grammar.contains(.time, key) { return .time }
        if grammar.contains(.copula, key) { return .copula }
        if grammar.contains(.doSupport, key) { return .doSupport }
        if grammar.contains(.auxiliary, key) { return .auxiliary }
        if grammar.contains(.placeMarker, key) { return .placeMarker }
        if grammar.contains(.measure, key),
           let previous, previous.role == .number || grammar.contains(.demonstrative, previous.key) {
            return .measure
        }
        if grammar.contains(.drop, key) { return .drop }
        return .content
    }

    /// Marks time phrases: a time modifier with the time word or unit after it (`next Tuesday`), a number
    /// with the time unit after it (2024 年 3 月 5 日) and adjacent time words (今天 上午) become time items
    /// sharing one phrase number, so they move together.
    private func mergeTimePhrases(_ items: [Item]) -> [Item] {
        var items = items
        for index in items.indices.dropFirst() {
            let item = items[index], last = items[index - 1]
            let isUnit = isTimeUnit(item)
            let joins = (item.role == .time || isUnit) && (last.role == .time || isModifier(last))
                || isUnit && last.role == .number && (isYear(last) || !grammar.contains(.yearWord, item.key))
                || item.role == .number && last.role == .time && isTimeUnit(last) && index >= 2
                    && items[index - 2].phrase == last.phrase
            guard joins else { continue }
            items[index - 1].role = .time
            items[index].role = .time
            items[index].phrase = last.phrase
        }
        return items
    }

    /// True for a four-digit number (2024, 二〇二四): a year before a year word.
    func isYear(_ item: Item) -> Bool {
        guard item.tokens.count == 1, item.tokens[0].kind == .number else { return false }
        let text = ChineseNumerals.arabic(item.text) ?? item.text
        return text.count == 4 && text.allSatisfy(\.isWholeNumber) && !item.text.contains { "十百千万亿".contains($0) }
    }

    private func isModifier(_ item: Item) -> Bool {
        item.role == .content && grammar.contains(.timeModifier, item.key)
    }

    private func isTimeUnit(_ item: Item) -> Bool {
        grammar.contains(.timeUnit, item.key) || grammar.contains(.yearWord, item.key)
    }
}
