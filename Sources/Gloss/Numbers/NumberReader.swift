import Foundation
import Lexicon

/// Reads a number token as the sequence of signs that says it, following the grammar's number format.
///
/// Handles integers (place-value words such as 百 千 万 or hundred thousand, digits below the smallest),
/// years (digit by digit, or in pairs), decimals, percentages, clock times, scores and amounts with a
/// currency symbol. The result names units (`2`, `百`, `dollar`); the lexicon resolves them to signs.
struct NumberReader: Sendable {
    let grammar: GlossGrammar

    /// The units of `text`, or nil when it is not a number this reader understands.
    /// - Parameter isYear: true when a year word (年) follows, or the number stands alone as a year.
    func units(_ text: String, isYear: Bool) -> [String]? {
        var body = text.replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "–", with: "-")
        if let scoreWord = grammar.scoreWord, !scoreWord.isEmpty, body.contains(scoreWord) {
            body = body.replacingOccurrences(of: scoreWord, with: "-")
        }
        var suffix: [String] = []
        if let symbol = grammar.currencies.keys.first(where: { body.hasPrefix($0) }) {
            body.removeFirst(symbol.count)
            suffix = grammar.currencies[symbol].map { [$0] } ?? []
        }
        if body.hasSuffix("%") || body.hasSuffix("％") {
            body.removeLast()
            guard let number = decimal(body) else { return nil }
            guard let word = grammar.percentWord else { return number }
            return grammar.percentFirst ? [word] + number : number + [word]
        }
        for separator in [":", "-"] where body.contains(separator) {
            let parts = body.split(separator: Character(separator)).map { ChineseNumerals.arabic(String($0)) ?? String($0) }
            guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]) else { return nil }
            if separator == ":", parts[1].count == 2, first <= 24, second <= 59 {
                return integer(parts[0]) + (grammar.hourWord.map { [$0] } ?? [])
                    + (second == 0 ? [] : integer(parts[1]) + (grammar.minuteWord.map { [$0] } ?? []))
            }
            return integer(parts[0]) + (grammar.scoreWord.map { [$0] } ?? []) + integer(parts[1])
        }
        if let group = groupSuffix(body) {
            // 10万 → the integer 100000 in place-value words; 4.8亿 → 4.8 then the group word.
            let digits = String(body.dropLast(group.count))
            if let whole = Int(digits), let value = ChineseNumerals.groupValue(group), whole <= Int.max / value {
                return integer(String(whole * value)) + suffix
            }
            guard let number = decimal(digits) else { return nil }
            return number + group.map { String($0) } + suffix
        }
        if let value = EnglishNumerals.value(body) { return integer(String(value)) + suffix }
        if let arabic = ChineseNumerals.arabic(body) {
            if isYear, body.count > 1, body.allSatisfy({ !"十百千万亿".contains($0) }) { return year(arabic) }
            return integer(arabic) + suffix
        }
        guard let number = decimal(body) else { return nil }
        if isYear, !body.contains(","), !body.contains("."), body.count == 4 { return year(body) + suffix }
        return number + suffix
    }

    /// The group word (万, 亿, 千万…) ending a number written in Arabic digits, or nil.
    private func groupSuffix(_ body: String) -> String? {
        guard body.first?.isASCII == true else { return nil }
        let tail = String(body.reversed().prefix { !$0.isASCII }.reversed())
        return !tail.isEmpty && ChineseNumerals.isGroup(tail) ? tail : nil
    }

    /// A decimal written with Arabic digits, `,` grouping thousands and `.` before the fraction.
    private func decimal(_ text: String) -> [String]? {
        let plain = text.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isWholeNumber) }) else {
            return nil
        }
        guard parts.count == 2 else { return integer(parts[0]) }
        return integer(parts[0]) + (grammar.decimalWord.map { [$0] } ?? []) + parts[1].map { String($0) }
    }

    /// A year: each digit (2 0 2 4) or two pairs (20 24).
    private func year(_ digits: String) -> [String] {
        switch grammar.yearStyle {
        case .digits: return digits.map { String($0) }
        case .pairs:
            let characters = Array(digits)
            return stride(from: 0, to: characters.count, by: 2).map { String(characters[$0..<min($0 + 2, characters.count)]) }
        }
    }

    /// An integer in place-value words above the smallest place, digits below it.
    private func integer(_ digits: String) -> [String] {
        let trimmed = String(digits.drop { $0 == "0" })
        guard !trimmed.isEmpty else { return ["0"] }
        guard trimmed.count <= 15, let value = Int(trimmed), !grammar.numberPlaces.isEmpty else {
            return trimmed.map { String($0) }
        }
        return placeValue(value)
    }

    private func placeValue(_ value: Int, leading: Bool = true) -> [String] {
        var units: [String] = []
        var rest = value
        for place in grammar.numberPlaces where rest >= place.value {
            // A leading one before the tens is not said (十五, not 一十五; 十万 is ten 万): the sign of ten alone.
            let multiplier = rest / place.value
            let first = leading && units.isEmpty
            units += (first && multiplier == 1 && place.value == 10 ? [] : placeValue(multiplier, leading: first)) + [place.word]
            rest %= place.value
        }
        if rest > 0 { units += String(rest).map { String($0) } }
        return units
    }
}
