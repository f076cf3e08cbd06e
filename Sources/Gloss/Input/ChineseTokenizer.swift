import Lexicon

/// Splits Chinese text with the lexicon's ``ChineseSegmenter`` and gives each token its offsets.
///
/// Runs of single characters no word list knows (and no grammar class lists) are joined into one `name`
/// token (王楚钦), and a
/// general word made of a Chinese numeral and a measure word or time unit (三个, 五月) is split in two,
/// and so is a general word made of a grammar word and a lexicon word (下了 → 下 了, 们在 → 们 在), and a word
/// starting with a group numeral right after digits (4.8 + 亿人次 → 亿 人次).
struct ChineseTokenizer: Sendable {
    let segmenter: ChineseSegmenter
    let grammar: GlossGrammar
    /// The lexicon's words of the grammar's spoken language.
    let lexiconWords: Set<String>
    /// Surnames: a name the segmenter cut into characters (刘|晓|红) is one name token, not RED inside a name.
    let names: ChineseNames?

    /// The tokens of `characters` in order; whitespace is dropped.
    func tokens(_ characters: [Character]) -> [SourceToken] {
        var tokens: [SourceToken] = []
        var index = 0
        let pieces = segmenter.segment(String(characters))
        var ranges: [Range<Int>] = []
        for piece in pieces {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            let range = index..<min(index + piece.text.count, characters.count)
            index = range.upperBound
            ranges.append(range)
        }
        let isNumeral = { (index: Int) in pieces[index].kind == .number || ChineseNumerals.isNumeral(pieces[index].text) }
        let names = names?.spans(pieces.map(\.text), canContinue: { index in
            pieces[index].kind != .punctuation && !isNumeral(index) && !self.isGrammarWord(pieces[index].text)
        }, isNumeral: isNumeral) ?? []
        var next = 0
        for span in names + [pieces.count..<pieces.count] {
            for piece in next..<span.lowerBound { append(pieces[piece], ranges[piece], to: &tokens) }
            if !span.isEmpty {
                let range = ranges[span.lowerBound].lowerBound..<ranges[span.upperBound - 1].upperBound
                tokens.append(SourceToken(text: pieces[span].map(\.text).joined(), range: range, kind: .name))
            }
            next = span.upperBound
        }
        return tokens
    }

    private func append(_ piece: ChineseSegmenter.Token, _ range: Range<Int>, to tokens: inout [SourceToken]) {
        switch piece.kind {
        case .number:
            tokens.append(SourceToken(text: piece.text, range: range, kind: .number))
        case .punctuation:
            let isMark = piece.text.allSatisfy(\.isPunctuation)
            tokens.append(SourceToken(text: piece.text, range: range, kind: isMark ? .punctuation : .symbol))
        case .character:
            if ChineseNumerals.isNumeral(piece.text) {
                tokens.append(SourceToken(text: piece.text, range: range, kind: .number))
            } else if isGrammarWord(piece.text) {
                tokens.append(SourceToken(text: piece.text, range: range, kind: .word))
            } else if let last = tokens.last, last.kind == .name, last.range.upperBound == range.lowerBound {
                tokens[tokens.count - 1].text += piece.text
                tokens[tokens.count - 1].range = last.range.lowerBound..<range.upperBound
            } else {
                tokens.append(SourceToken(text: piece.text, range: range, kind: .name))
            }
        case .general:
            // 第十四, 第十四届: the ordinal marker, the number (signed as one, not spelled) and what it counts.
            let ordinal = piece.text.first == "第" ? piece.text.dropFirst().prefix { ChineseNumerals.isNumeral(String($0)) } : ""
            if !ordinal.isEmpty {
                let numberStart = range.lowerBound + 1, numberEnd = numberStart + ordinal.count
                if lexiconWords.contains("第" + ordinal) {
                    // An ordinal with a sign of its own (第一).
                    tokens.append(SourceToken(text: "第" + ordinal, range: range.lowerBound..<numberEnd, kind: .word))
                } else {
                    tokens.append(SourceToken(text: "第", range: range.lowerBound..<numberStart, kind: .word))
                    tokens.append(SourceToken(text: String(ordinal), range: numberStart..<numberEnd, kind: .number))
                }
                if numberEnd < range.upperBound {
                    tokens.append(SourceToken(text: String(piece.text.dropFirst(1 + ordinal.count)), range: numberEnd..<range.upperBound, kind: .word))
                }
                return
            }
            let digits = piece.text.prefix { ChineseNumerals.isNumeral(String($0)) }
            let rest = piece.text.dropFirst(digits.count)
            // After Arabic digits a word starting with a group word carries the number's magnitude: 4.8 亿人次.
            let afterDigits = tokens.last.map { $0.kind == .number && $0.range.upperBound == range.lowerBound
                && $0.text.last?.isASCII == true } ?? false
            if !digits.isEmpty, rest.isEmpty || isUnit(String(rest)) || afterDigits && ChineseNumerals.isGroup(String(digits)) {
                let cut = range.lowerBound + digits.count
                tokens.append(SourceToken(text: String(digits), range: range.lowerBound..<cut, kind: .number))
                if !rest.isEmpty { tokens.append(SourceToken(text: String(rest), range: cut..<range.upperBound, kind: .word)) }
            } else if let cut = grammarCut(piece.text) {
                let middle = range.lowerBound + cut
                let characters = Array(piece.text)
                tokens.append(SourceToken(text: String(characters[..<cut]), range: range.lowerBound..<middle, kind: .word))
                tokens.append(SourceToken(text: String(characters[cut...]), range: middle..<range.upperBound, kind: .word))
            } else {
                tokens.append(SourceToken(text: piece.text, range: range, kind: .word))
            }
        case .lexicon, .latin:
            let isNumber = piece.kind == .lexicon && ChineseNumerals.isNumeral(piece.text)
            tokens.append(SourceToken(text: piece.text, range: range, kind: isNumber ? .number : .word))
        }
    }

    /// Where to cut a general word into a grammar word and a grammar or lexicon word, if anywhere.
    private func grammarCut(_ word: String) -> Int? {
        let characters = Array(word)
        guard characters.count >= 2, characters.count <= 4 else { return nil }
        return (1..<characters.count).first { cut in
            let left = String(characters[..<cut]), right = String(characters[cut...])
            let grammatical = [left, right].filter(isGrammarWord)
            return !grammatical.isEmpty && [left, right].allSatisfy { isGrammarWord($0) || lexiconWords.contains($0) }
        }
    }

    /// True for a structural word of the grammar (particle, measure word, negator, preposition…).
    private func isGrammarWord(_ word: String) -> Bool {
        Self.structural.contains { grammar.contains($0, word) }
    }

    private static let structural: [WordClass] = [
        .drop, .measure, .demonstrative, .copula, .negator, .placeMarker, .questionParticle, .wh,
    ]

    private func isUnit(_ text: String) -> Bool {
        grammar.contains(.measure, text) || grammar.contains(.timeUnit, text) || grammar.contains(.yearWord, text)
    }
}
