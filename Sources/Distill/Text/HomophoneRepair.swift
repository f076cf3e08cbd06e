import AnchorCore
import Foundation
import Lexicon

/// Mends the commonest error of Chinese speech recognition: a word written with other characters of the same
/// sound (推斥 for 推迟, 率克 for 旅客, 就一 for 就医). Whisper base makes many; each turns a word the avatar could
/// sign into characters it spells or signs as something else.
///
/// A stretch of two to four characters is replaced by a dictionary word with the same toneless pinyin only when the
/// text then reads far better by a unigram language model over jieba's word frequencies (the same counts the
/// distiller uses): the best segmentation's log-probability around the stretch, with a bonus for tones kept, must rise
/// by ``minimumGain`` nats.
/// Correct text reads well already, so it is left alone (战胜日本队 does not become 战生日本队 although 生日 sounds
/// like 胜日); among words of the same sound, the one whose tones match the recognised characters more, then the more
/// frequent, is tried. A rare correct word that sounds like a frequent one can still be changed: the repair is for
/// recognised speech, not for subtitles or typed text.
public struct HomophoneRepair: Sendable {
    /// Word → corpus count (jieba's dict.txt).
    private let frequencies: [String: Double]
    /// log of the corpus size, the denominator of every word probability.
    private let logTotal: Double
    /// Readings of characters.
    private let pinyin: Pinyin
    /// Toneless pinyin of a word of 2–4 characters (syllables joined by spaces) → its words, most frequent first.
    private let byPinyin: [String: [Candidate]]
    /// Numeral characters (一 … 亿, 两), and the characters that make a numeral part of a number when next to it
    /// (numerals, 比 到 点, units such as 度 辆): numbers are read by the number rules, never re-spelt by sound.
    private let numerals: Set<Unicode.Scalar>, numberNeighbours: Set<Unicode.Scalar>
    /// Surname characters (``ChineseNames/surnames``): a lone one and the one or two lone characters after it may be
    /// a name.
    private let surnames: Set<Unicode.Scalar>
    /// The sign lexicon's Chinese words.
    private let signed: Set<String>
    /// A word of the text's reading seen fewer times than this may itself be a mishearing (韩朝 for 寒潮).
    public var rareBelow = 300.0
    /// The least gain (nats) that justifies a replacement: the rise in log-probability, plus ``toneWeight`` for each
    /// syllable whose tone the replacement keeps, minus as much for each it changes.
    public var minimumGain = 4.0
    /// Nats per syllable whose tone matches (or differs): recognisers mostly keep the sound and the tones, so of two
    /// readings of 春院期监 (元器件, 期间) the one that keeps the tones wins.
    public var toneWeight = 1.5

    private struct Candidate: Sendable {
        var word: String
        var logFrequency: Double
        var tones: [Int]

        /// How many syllables have the same tone as `tones`.
        func matchingTones(_ tones: [Int]) -> Int {
            zip(self.tones, tones).filter { $0 == $1 }.count
        }
    }

    /// The longest word the segmentation considers, characters.
    private static let longestWord = 6

    /// Builds the sound index from `analyzer`'s Chinese word frequencies and `pinyin`'s readings; words seen fewer
    /// than `minimumCount` times are never proposed. The analyser's numerals, number joiners and units mark the
    /// numbers left alone.
    public init(analyzer: TextAnalyzer, pinyin: Pinyin, minimumCount: Double = 50) {
        let classifier = analyzer.classifier
        frequencies = classifier.frequencies
        logTotal = log(max(1, classifier.frequencies.values.reduce(0, +)))
        self.pinyin = pinyin
        signed = Set(analyzer.lexicon.entries.flatMap { $0.words.filter { $0.language == "zh-Hans" }.flatMap(\.words) })
        surnames = Set((analyzer.names?.surnames ?? []).compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        numerals = Set(analyzer.rules.numberWords.filter { $0.unicodeScalars.count == 1 }.compactMap(\.unicodeScalars.first))
        numberNeighbours = numerals.union(analyzer.structure.numberJoiners.union(analyzer.structure.units)
            .filter { $0.unicodeScalars.count == 1 }.compactMap(\.unicodeScalars.first))
        var index: [String: [Candidate]] = [:]
        for (word, count) in classifier.frequencies where count >= minimumCount {
            let scalars = Array(word.unicodeScalars)
            guard (2...4).contains(scalars.count), scalars.allSatisfy({ ChineseSegmenter.isCJK(Character($0)) }) else { continue }
            let readings = scalars.compactMap(pinyin.reading)
            guard readings.count == scalars.count else { continue }
            index[Self.soundKey(readings), default: []]
                .append(Candidate(word: word, logFrequency: log(count), tones: readings.map(Pinyin.tone)))
        }
        byPinyin = index.mapValues { Array($0.sorted { ($0.logFrequency, $0.word) > ($1.logFrequency, $1.word) }.prefix(4)) }
    }

    /// `text` with misheard words mended; everything but runs of Chinese characters is kept as it is.
    public func repair(_ text: String) -> String {
        var result = ""
        var run: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if ChineseSegmenter.isCJK(Character(scalar)) {
                run.append(scalar)
            } else {
                result += mend(run)
                run = []
                result.unicodeScalars.append(scalar)
            }
        }
        return result + mend(run)
    }

    /// A transcript with every segment's text mended.
    public func repair(_ transcript: Transcript) -> Transcript {
        var repaired = transcript
        repaired.segments = transcript.segments.map { TimedText(start: $0.start, end: $0.end, text: repair($0.text)) }
        return repaired
    }

    /// One run of CJK characters: the best replacement, repeatedly, while one gains enough.
    private func mend(_ run: [Unicode.Scalar]) -> String {
        var characters = run
        var rounds = 0
        while rounds < characters.count, let best = bestReplacement(in: characters) {
            characters.replaceSubrange(best.range, with: best.word.unicodeScalars)
            rounds += 1
        }
        return string(characters)
    }

    private func bestReplacement(in characters: [Unicode.Scalar]) -> (range: Range<Int>, word: String, gain: Double)? {
        let words = reading(characters).words
        // Where each word of the text's best reading starts, and which positions it reads as lone characters.
        var starts: [Int: String] = [:], lone = [Bool](repeating: false, count: characters.count)
        var position = 0
        for word in words {
            starts[position] = word
            if word.unicodeScalars.count == 1 { lone[position] = true }
            position += word.unicodeScalars.count
        }
        var best: (range: Range<Int>, word: String, gain: Double)?
        for start in characters.indices {
            for length in 2...4 where start + length <= characters.count {
                let range = start..<(start + length)
                guard isSuspect(range, characters, lone: lone, word: starts[start]) else { continue }
                let stretch = Array(characters[range])
                let readings = stretch.compactMap(pinyin.reading)
                guard readings.count == length else { continue }
                let current = string(stretch)
                let tones = readings.map(Pinyin.tone)
                // Among same-sounding words, the best tone match, then the most frequent.
                let candidates = (byPinyin[Self.soundKey(readings)] ?? []).filter { $0.word != current }
                guard let candidate = candidates.max(by: { score($0, tones) < score($1, tones) }) else { continue }
                // Compare the text's reading around the stretch, before and after.
                let lower = max(0, start - Self.longestWord), upper = min(characters.count, range.upperBound + Self.longestWord)
                let before = Array(characters[lower..<upper])
                var after = before
                after.replaceSubrange((start - lower)..<(range.upperBound - lower), with: candidate.word.unicodeScalars)
                let gain = reading(after).logProbability - reading(before).logProbability
                    + toneWeight * Double(2 * candidate.matchingTones(tones) - length)
                if gain >= minimumGain, gain > best?.gain ?? -.infinity { best = (range, candidate.word, gain) }
            }
        }
        return best
    }

    /// A stretch worth trying: the text's best reading explains it by lone characters (misheard words fall apart
    /// into them: 推|斥) that do not start with a surname, or it is one word of that reading seen fewer than
    /// ``rareBelow`` times that the sign lexicon does not list (韩朝 for 寒潮); never a stretch that cuts a word of
    /// the reading (不适|用于 stays) or holds a numeral of a number.
    private func isSuspect(_ range: Range<Int>, _ characters: [Unicode.Scalar], lone: [Bool], word: String?) -> Bool {
        guard !range.contains(where: { isInNumber(characters, $0) }) else { return false }
        if range.allSatisfy({ lone[$0] }) {
            // A name unknown to the dictionary reads as lone characters too: a surname and the one or two after it.
            let name = { (index: Int) in (max(0, index - 2)...index).contains { self.surnames.contains(characters[$0]) && lone[$0] } }
            return !range.contains(where: name)
        }
        guard let word, word.unicodeScalars.count == range.count else { return false }
        // A word the sign lexicon knows is a word (手语 is rare in jieba's counts), never a mishearing.
        return (frequencies[word] ?? 0) < rareBelow && !signed.contains(word)
    }

    /// True when the character at `index` is a numeral next to another numeral, a number joiner or a unit.
    private func isInNumber(_ characters: [Unicode.Scalar], _ index: Int) -> Bool {
        guard numerals.contains(characters[index]) else { return false }
        return (index > 0 && numberNeighbours.contains(characters[index - 1]))
            || (index + 1 < characters.count && numberNeighbours.contains(characters[index + 1]))
    }

    private func score(_ candidate: Candidate, _ tones: [Int]) -> Double {
        candidate.logFrequency + Double(candidate.matchingTones(tones))
    }

    /// The index key of a stretch's readings: its toneless syllables joined by spaces (`推迟` → `tui chi`).
    private static func soundKey(_ readings: [String]) -> String {
        readings.map(Pinyin.toneless).joined(separator: " ")
    }

    /// The best segmentation of `characters` into dictionary words and single characters (a character the
    /// dictionary lacks counts once in the corpus) and its log-probability under the unigram model.
    private func reading(_ characters: [Unicode.Scalar]) -> (words: [String], logProbability: Double) {
        var best = [Double](repeating: -.infinity, count: characters.count + 1)
        var from = [Int](repeating: 0, count: characters.count + 1)
        best[0] = 0
        for end in stride(from: 1, through: characters.count, by: 1) {
            for length in 1...min(Self.longestWord, end) {
                let word = string(Array(characters[(end - length)..<end]))
                guard let count = frequencies[word] ?? (length == 1 ? 0 : nil) else { continue }
                let score = best[end - length] + log(count + 1) - logTotal
                if score > best[end] { best[end] = score; from[end] = end - length }
            }
        }
        var words: [String] = []
        var end = characters.count
        while end > 0 {
            words.append(string(Array(characters[from[end]..<end])))
            end = from[end]
        }
        return (words.reversed(), best[characters.count])
    }

    private func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
