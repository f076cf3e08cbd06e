import AnchorCore
import Lexicon

/// Translates text of a spoken language into a timed ``GlossSequence`` of one sign language.
///
/// Everything language-specific comes from the ``Lexicon`` (signs, alphabet) and the ``GlossGrammar``
/// (word classes, ordering switches, number formats). Linear in the input length.
public struct GlossTranslator: Sendable {
    /// The sign language's dictionary.
    public let lexicon: Lexicon
    /// The sign language's grammar data.
    public let grammar: GlossGrammar
    private let chinese: ChineseTokenizer?
    private let builder: ItemBuilder
    private let orderer: ClauseOrderer
    private let resolver: SignResolver

    /// Creates a translator.
    /// - Parameters:
    ///   - segmenter: required when the grammar's spoken language is Chinese (`zh…`).
    ///   - lemmatizer: English lemmas for the out-of-vocabulary cascade; nil to skip that step.
    ///   - pinyin: readings for spelling Chinese names; nil spells Latin letters only.
    ///   - thesaurus: English first-sense synonyms for the out-of-vocabulary cascade; nil to skip that step.
    ///   - names: Chinese surnames, to read a name the segmenter cut into characters (刘|晓|红) as one name.
    /// - Throws: ``GlossError/unsupportedSpokenLanguage(_:signLanguage:)`` for Chinese without a segmenter.
    public init(lexicon: Lexicon, grammar: GlossGrammar, segmenter: ChineseSegmenter?,
                lemmatizer: EnglishLemmatizer?, pinyin: Pinyin?, thesaurus: Thesaurus? = nil, names: ChineseNames? = nil) throws {
        if grammar.spokenLanguage.hasPrefix("zh"), segmenter == nil {
            throw GlossError.unsupportedSpokenLanguage(grammar.spokenLanguage, signLanguage: lexicon.info.code)
        }
        self.lexicon = lexicon
        self.grammar = grammar
        let words = lexicon.words(language: grammar.spokenLanguage)
        chinese = grammar.spokenLanguage.hasPrefix("zh")
            ? segmenter.map { ChineseTokenizer(segmenter: $0, grammar: grammar, lexiconWords: words, names: names) } : nil
        builder = ItemBuilder(grammar: grammar, lexicon: lexicon)
        orderer = ClauseOrderer(grammar: grammar, lexicon: lexicon)
        resolver = SignResolver(lexicon: lexicon, grammar: grammar, lemmatizer: lemmatizer, thesaurus: thesaurus, pinyin: pinyin)
    }

    /// Translates untimed text; glosses carry no times.
    public func translate(text: String) -> GlossSequence {
        translate(SourceText(text: text))
    }

    /// Translates timed segments (a transcript, subtitles, distilled passages); each gloss gets the time
    /// span of its source words, interpolated by character position inside a segment.
    public func translate(segments: [TimedText]) -> GlossSequence {
        translate(SourceText(segments: segments))
    }

    /// Translates a transcript's segments.
    public func translate(transcript: Transcript) -> GlossSequence {
        translate(segments: transcript.segments)
    }

    private func translate(_ source: SourceText) -> GlossSequence {
        let raw = chinese?.tokens(source.characters) ?? EnglishTokenizer.tokens(source.characters)
        let tokens = NumberMerger.merge(raw, currencies: Set(grammar.currencies.keys), scoreWord: grammar.scoreWord)
        let sentences = SentenceSplitter.sentences(tokens, grammar: grammar).map { sentence(of: $0, source) }
        return GlossSequence(signLanguage: lexicon.info.code, spokenLanguage: grammar.spokenLanguage, sentences: sentences)
    }

    // MARK: - Sentences

    private func sentence(of input: SourceSentence, _ source: SourceText) -> GlossSentence {
        let isQuestion = input.ending.contains { grammar.contains(.questionMark, $0.text) }
            || input.tokens.contains { grammar.contains(.questionParticle, $0.text) }
        var glosses: [Gloss] = []
        var spans: [NonManualSpan] = []
        var skipped: [SkippedWord] = []
        var hasWH = false
        for clause in input.clauses {
            let items = builder.items(clause.tokens)
            hasWH = hasWH || items.contains { $0.role == .wh }
            let ordered = orderer.order(items, isQuestion: isQuestion)
            var ranges: [Range<Int>] = []
            for index in ordered.order {
                let start = glosses.count
                let drafts = resolver.signs(for: items[index], isYear: isYear(items, index),
                                            partOfSpeech: partOfSpeech(items, index))
                if drafts.isEmpty { skipped.append(skip(items[index], .unmatched, source)) }
                glosses += drafts.map { gloss($0, items[index], source) }
                ranges.append(start..<glosses.count)
            }
            for index in ordered.dropped {
                skipped.append(skip(items[index], items[index].role == .symbol ? .unmatched : .dropped, source))
            }
            spans += ordered.spans.compactMap { span in
                let covered = ranges[span.first...span.last].filter { !$0.isEmpty }
                guard let first = covered.first?.lowerBound, let last = covered.last?.upperBound else { return nil }
                return NonManualSpan(kind: span.kind, first: first, last: last - 1)
            }
            if let boundary = clause.boundary { glosses.append(pause([boundary], grammar.clausePause, source)) }
        }
        if let last = glosses.lastIndex(where: { $0.kind != .pause }), isQuestion {
            spans.insert(NonManualSpan(kind: hasWH ? .whQuestion : .yesNoQuestion, first: 0, last: last), at: 0)
        }
        if !input.ending.isEmpty { glosses.append(pause(input.ending, grammar.sentencePause, source)) }
        let all = input.tokens + input.ending
        let range = (all.map(\.range.lowerBound).min() ?? 0)..<(all.map(\.range.upperBound).max() ?? 0)
        let time = source.span(range)
        return GlossSentence(text: source.text(range), start: time.start, end: time.end, glosses: glosses,
                             nonManual: spans, skipped: skipped)
    }

    // MARK: - Glosses

    private func gloss(_ draft: SignDraft, _ item: Item, _ source: SourceText) -> Gloss {
        let time = source.span(range(item.tokens))
        return Gloss(kind: draft.kind, label: draft.label, entry: draft.entry, units: draft.units,
                     source: item.tokens.map(\.text), start: time.start, end: time.end, match: draft.match)
    }

    private func pause(_ marks: [SourceToken], _ seconds: Double, _ source: SourceText) -> Gloss {
        let time = source.span(range(marks))
        return Gloss(kind: .pause, label: marks.map(\.text).joined(), source: marks.map(\.text),
                     start: time.start, end: time.end, match: .punctuation, pause: seconds)
    }

    private func skip(_ item: Item, _ reason: SkippedWord.Reason, _ source: SourceText) -> SkippedWord {
        let time = source.span(range(item.tokens))
        return SkippedWord(text: item.text, reason: reason, start: time.start, end: time.end)
    }

    private func range(_ tokens: [SourceToken]) -> Range<Int> {
        (tokens.first?.range.lowerBound ?? 0)..<(tokens.last?.range.upperBound ?? 0)
    }

    /// A four-digit number is a year before a year word, or anywhere when the grammar lists none.
    private func isYear(_ items: [Item], _ index: Int) -> Bool {
        guard builder.isYear(items[index]) else { return false }
        let yearWords = grammar.words(.yearWord)
        return yearWords.isEmpty || index + 1 < items.count && yearWords.contains(items[index + 1].key)
    }

    /// The part of speech the previous word suggests, for variant choice.
    private func partOfSpeech(_ items: [Item], _ index: Int) -> PartOfSpeech? {
        guard index > 0 else { return nil }
        let previous = items[index - 1]
        if previous.role == .number || grammar.contains(.nounCue, previous.key) { return .noun }
        if grammar.contains(.verbCue, previous.key) || previous.role == .negator { return .verb }
        return nil
    }
}
