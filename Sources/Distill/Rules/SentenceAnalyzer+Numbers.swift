/// Numbers in a clause: a number with its joiners (比, 到, to), units and measure words, approximators and the noun it
/// counts is one group; 一 with a counter is "a"; a time of day is a time.
extension SentenceAnalyzer {
    /// Marks numbers with their joiners (比, 到, to), units (度, 小时, percent) and measure words as one group each.
    func markNumbers(_ words: [Word], _ roles: inout [WordRole?], _ groups: inout [Int]) {
        // A number token, or a word the dictionary splits off as one: a numeral with a measure word or unit
        // (七天, 八度 where jieba lists the pair as a word).
        let isNumeral = { (character: Character) in character.isNumber || self.numeralCharacters.contains(String(character)) }
        let isNumber = { (word: Word) -> Bool in
            if word.kind == .number { return true }
            guard self.language == .chinese, let first = word.text.first, isNumeral(first) else { return false }
            if word.wordClass == .number { return true }  // jieba's m: 百分之三, 两千
            let rest = String(word.text.drop(while: isNumeral))
            return rest.isEmpty || self.rules.units.contains(rest) || self.rules.counters.contains(rest)
                || self.classifier.chinese(rest) == .measure
        }
        var index = 0
        while index < words.count {
            guard isNumber(words[index]) else { index += 1; continue }
            // 一处, 一座公园, 一名男子: 一 with a counter is "a", not a figure; the noun after it is what the news says.
            if language == .chinese, words[index].text.hasPrefix("一") {
                let counter = words[index].text.dropFirst()
                if counter.isEmpty, index + 1 < words.count, rules.counters.contains(words[index + 1].text) {
                    roles[index] = .function
                    roles[index + 1] = .function
                    index += 2
                    continue
                }
                if rules.counters.contains(String(counter)) {
                    roles[index] = .function
                    index += 1
                    continue
                }
            }
            let group = groups[index]
            var end = index
            // A unit written before the number and split from it by the segmenter (百分|之|六), or a word that makes
            // it approximate or a bound ("about two thousand people", "more than 20"): not a preposition's adjunct.
            var begin = index
            for length in 1...3 where index - length >= 0 {
                let before = (index - length)..<index
                let phrase = before.map { key(words[$0]) }.joined(separator: language == .chinese ? "" : " ")
                if !before.contains(where: { words[$0].kind == .punctuation || roles[$0] == .number }),
                   rules.units.contains(phrase) || rules.approximators.contains(phrase) {
                    begin = index - length
                }
            }
            // English: the first noun right after the number's words is what it counts (forty five buses, 230
            // million dollars), and ends the number; not after a unit (20 percent growth: growth is not counted).
            // A number word that ends with its unit (一小时, 八度 as jieba lists them) has had its unit.
            var counted = false, unit = words[index].kind != .number && words[index].text.contains { !isNumeral($0) }
            // A measure word listed under `counter:` (个, 枚, 名; not a unit such as 度 or 小时) counts the noun after
            // it (四枚金牌, 两千名居民, 三个区): "4枚" alone says nothing.
            var measured = rules.counters.contains(String(words[index].text.drop(while: isNumeral)))
            while end + 1 < words.count, !counted {
                let next = words[end + 1]
                if isNumber(next) {
                    end += 1
                } else if rules.numberJoiners.contains(key(next)), end + 2 < words.count, isNumber(words[end + 2]) {
                    end += 2
                } else if next.kind != .punctuation,
                          rules.units.contains(key(next)) || (rules.counters.contains(key(next)) || next.wordClass == .measure) && !unit {
                    // After a unit only a listed unit joins (两个小时, 三个月): a stray measure word is not the
                    // number's (一小时道向, a misrecognised 一小时到校).
                    end += 1
                    unit = true
                    measured = rules.counters.contains(key(next))
                } else if measured, let noun = countedNoun(words, after: end) {
                    end = noun
                    counted = true
                } else if language == .english, !unit, [.noun, .time].contains(next.wordClass), !next.isNegation {
                    end += 1
                    counted = true
                } else {
                    break
                }
            }
            // 上午九点, 三点左右, "ten past seven", "7 pm": a time of day times the clause; it is not a figure of the news.
            let clock = (begin...end).contains { member in
                language == .english ? rules.clockUnits.contains(key(words[member]))
                    : words[member].text.first.map(isNumeral) == true && rules.clockUnits.contains { words[member].text.hasSuffix($0) } }
            for member in begin...end {
                roles[member] = clock ? .time : .number
                groups[member] = group
            }
            index = end + 1
        }
    }

    /// The last word of the noun a Chinese measure word counts, right after `index`: up to two nouns (森林大火), an
    /// adjective only before a noun (小象); nil when no noun follows (三分，).
    private func countedNoun(_ words: [Word], after index: Int) -> Int? {
        var last: Int?
        for next in index + 1..<min(words.count, index + 3) {
            let wordClass = words[next].wordClass
            if wordClass == .noun || wordClass == .name || wordClass == .place || words[next].isName {
                last = next
            } else if wordClass == .adjective, last == nil, next + 1 < words.count, words[next + 1].wordClass == .noun {
                continue
            } else {
                break
            }
        }
        return last
    }
}
