import Foundation

/// Splits English (and any Latin-script) text into words, numbers and marks with their offsets.
///
/// Words keep inner apostrophes and hyphens (`don't`, `well-known`); `n't`, `'re`, `'m`, `'ve`, `'ll`
/// become their own words (`not`, `are`…); numbers keep `.`, `,` and `:` between digits and a
/// trailing `%`. Abbreviations are not detected: `Mr.` ends a sentence.
enum EnglishTokenizer {
    /// The tokens of `characters` in order; whitespace is dropped.
    static func tokens(_ characters: [Character]) -> [SourceToken] {
        var tokens: [SourceToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character.isNumber {
                let end = numberEnd(characters, from: index)
                tokens.append(SourceToken(text: String(characters[index..<end]), range: index..<end, kind: .number))
                index = end
            } else if character.isLetter {
                let end = wordEnd(characters, from: index)
                tokens += split(word: characters, index..<end)
                index = end
            } else {
                let kind: SourceToken.Kind = character.isPunctuation ? .punctuation : .symbol
                tokens.append(SourceToken(text: String(character), range: index..<index + 1, kind: kind))
                index += 1
            }
        }
        return tokens
    }

    private static func numberEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start + 1
        while end < characters.count {
            if characters[end].isNumber {
                end += 1
            } else if ".,:".contains(characters[end]), end + 1 < characters.count, characters[end + 1].isNumber {
                end += 2
            } else {
                if characters[end] == "%" { end += 1 }
                break
            }
        }
        return end
    }

    private static func wordEnd(_ characters: [Character], from start: Int) -> Int {
        var end = start + 1
        while end < characters.count {
            let character = characters[end]
            if character.isLetter || character.isNumber {
                end += 1
            } else if "'’-".contains(character), end + 1 < characters.count, characters[end + 1].isLetter {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    private static let clitics: [(suffix: String, word: String)] = [
        ("n't", "not"), ("'re", "are"), ("'m", "am"), ("'ve", "have"), ("'ll", "will"),
    ]

    /// Splits a contraction into two words: `don't` → `do` `not`, `can't` → `can` `not`.
    private static func split(word characters: [Character], _ range: Range<Int>) -> [SourceToken] {
        let text = String(characters[range]).replacingOccurrences(of: "’", with: "'")
        let lower = text.lowercased()
        for (suffix, word) in clitics where lower.hasSuffix(suffix) && lower.count > suffix.count {
            let cut = range.upperBound - suffix.count
            var head = String(text.dropLast(suffix.count))
            if suffix == "n't" { head = ["ca": "can", "wo": "will", "sha": "shall"][head.lowercased()] ?? head }
            return [SourceToken(text: head, range: range.lowerBound..<cut, kind: .word),
                    SourceToken(text: word, range: cut..<range.upperBound, kind: .word)]
        }
        return [SourceToken(text: text, range: range, kind: .word)]
    }
}
