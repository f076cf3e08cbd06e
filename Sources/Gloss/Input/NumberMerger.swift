import Lexicon

/// Joins tokens that together write one number: `10` `:` `30` (a clock time or score), `3` `-` `1` or
/// 三 比 一 (a score), `$` `5` (an amount), adjacent Chinese numerals (三百五十 万), and digits with a group
/// word (10 万, 4.8 亿), and English number words that say one number (forty-five, two hundred and thirty).
enum NumberMerger {
    /// The tokens with number pieces joined; `currencies` are the symbols that start an amount and
    /// `scoreWord` the word between the two numbers of a score.
    static func merge(_ tokens: [SourceToken], currencies: Set<String>, scoreWord: String?) -> [SourceToken] {
        var result: [SourceToken] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var token = tokens[index]
            index += 1
            if token.kind == .word, let (number, next) = englishNumber(tokens, from: index - 1) {
                result.append(number)
                index = next
                continue
            }
            if currencies.contains(token.text), index < tokens.count, tokens[index].kind == .number,
               adjacent(token, tokens[index]) {
                token = joined(token, tokens[index])
                index += 1
            }
            guard token.kind == .number else {
                result.append(token)
                continue
            }
            while index < tokens.count, adjacent(token, tokens[index]),
                  ChineseNumerals.isNumeral(token.text), ChineseNumerals.isNumeral(tokens[index].text) {
                token = joined(token, tokens[index])
                index += 1
            }
            // Digits with a Chinese group word, as speech recognition writes large numbers: 10万, 4.8亿.
            if index < tokens.count, adjacent(token, tokens[index]), isArabic(token.text),
               ChineseNumerals.isGroup(tokens[index].text) {
                token = joined(token, tokens[index])
                index += 1
            }
            if index + 1 < tokens.count, isSeparator(tokens[index].text, scoreWord), adjacent(token, tokens[index]),
               tokens[index + 1].kind == .number, adjacent(tokens[index], tokens[index + 1]),
               short(token.text), short(tokens[index + 1].text) {
                token = joined(joined(token, tokens[index]), tokens[index + 1])
                index += 2
            }
            result.append(token)
        }
        return result
    }

    /// The longest run of English number words from `start` that reads as one number of two words or more
    /// (`eighty five`, `forty-five`, `two hundred and thirty`), as one number token, and the index after it; nil
    /// for a lone word, which keeps its own sign if the lexicon has one (three, hundred).
    private static func englishNumber(_ tokens: [SourceToken], from start: Int) -> (SourceToken, Int)? {
        guard EnglishNumerals.isNumberWord(tokens[start].text) else { return nil }
        var best: (SourceToken, Int)?
        var run = tokens[start], end = start + 1
        if run.text.contains("-"), EnglishNumerals.value(run.text) != nil { best = (number(run), end) }
        while end < tokens.count, tokens[end].kind == .word, tokens[end].range.lowerBound == run.range.upperBound + 1,
              EnglishNumerals.isNumberWord(tokens[end].text) || tokens[end].text.lowercased() == "and" {
            run = SourceToken(text: run.text + " " + tokens[end].text, range: run.range.lowerBound..<tokens[end].range.upperBound, kind: .word)
            end += 1
            if EnglishNumerals.value(run.text) != nil { best = (number(run), end) }
        }
        return best
    }

    private static func number(_ token: SourceToken) -> SourceToken {
        SourceToken(text: token.text, range: token.range, kind: .number)
    }

    /// True for a number written in Arabic digits (with `.` or `,`).
    private static func isArabic(_ text: String) -> Bool {
        text.first?.isASCII == true && text.first?.isNumber == true && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
    }

    private static func adjacent(_ first: SourceToken, _ second: SourceToken) -> Bool {
        first.range.upperBound == second.range.lowerBound
    }

    private static func isSeparator(_ text: String, _ scoreWord: String?) -> Bool {
        ["：", ":", "-", "–"].contains(text) || text == scoreWord
    }

    /// True for one part of a clock time or score: at most two digits, Arabic or Chinese (三).
    private static func short(_ text: String) -> Bool {
        let digits = ChineseNumerals.arabic(text) ?? text
        return digits.count <= 2 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func joined(_ first: SourceToken, _ second: SourceToken) -> SourceToken {
        SourceToken(text: first.text + second.text,
                    range: first.range.lowerBound..<second.range.upperBound, kind: .number)
    }
}
