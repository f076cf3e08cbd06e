import Lexicon

/// Splits text of one spoken language into classified ``Word``s using the sign language's lexicon:
/// Chinese by ``ChineseSegmenter`` (unknown words split into known parts, else spelt in pinyin), English by
/// words with lemmatisation and multiword expressions of up to three words.
public struct TextAnalyzer: Sendable {
    /// The spoken language analysed.
    public let language: DistillLanguage
    /// The sign language's dictionary.
    public let lexicon: Lexicon
    /// The language's filler, modifier, simplification and protected-word lists.
    public let rules: SpokenRules
    /// Parts of speech from jieba's tags (Chinese) or WordNet and closed-class lists (English).
    public let classifier: WordClassifier
    /// Frames, number joiners, units and tiers for the sentence analysis.
    public let structure: StructureRules
    let functionWords: Set<String>
    let segmenter: ChineseSegmenter?
    let lemmatizer: EnglishLemmatizer?
    let speller: Fingerspeller
    /// Chinese personal names the word list lacks (nil for English).
    public let names: ChineseNames?

    /// Creates an analyser from loaded parts; Chinese needs `segmenter` (and `names` to join split names), English
    /// `lemmatizer`.
    public init(language: DistillLanguage, lexicon: Lexicon, rules: SpokenRules, functionWords: Set<String>,
                segmenter: ChineseSegmenter?, lemmatizer: EnglishLemmatizer?, pinyin: Pinyin?,
                classifier: WordClassifier, structure: StructureRules, names: ChineseNames? = nil) {
        precondition(language == .english || segmenter != nil, "Chinese needs a segmenter")
        precondition(language == .chinese || lemmatizer != nil, "English needs a lemmatizer")
        self.language = language
        self.lexicon = lexicon
        self.rules = rules
        self.classifier = classifier
        self.structure = structure
        self.functionWords = functionWords
        self.segmenter = segmenter
        self.lemmatizer = lemmatizer
        speller = Fingerspeller(lexicon: lexicon, pinyin: pinyin)
        self.names = names
    }

    /// Loads everything for `language` from a lexicon root: the default sign language's dictionary (or
    /// `signLanguage`), the spoken data and the segmenter or lemmatizer.
    /// - Throws: ``LexiconError`` or ``DistillError`` for missing or broken data.
    public static func load(root: String, language: DistillLanguage, signLanguage: String? = nil) throws -> TextAnalyzer {
        try load(tools: LanguageTools(root: root, signLanguage: signLanguage ?? language.defaultSignLanguage),
                 root: root, language: language)
    }

    /// An analyser over already loaded language tools (which must include `language`'s segmenter or lemmatizer,
    /// as a sign language whose lexicon lists that spoken language has), with the spoken rules under `root`.
    /// - Throws: ``LexiconError`` or ``DistillError`` for missing data.
    public static func load(tools: LanguageTools, root: String, language: DistillLanguage) throws -> TextAnalyzer {
        let chinese = language == .chinese
        guard chinese ? tools.segmenter != nil : tools.lemmatizer != nil else {
            throw DistillError.invalidInput(source: "\(root)/\(tools.lexicon.info.code)",
                                            reason: "the lexicon lists no \(language.spokenTag) words")
        }
        return TextAnalyzer(
            language: language, lexicon: tools.lexicon, rules: try SpokenRules.load(root: root, language: language),
            functionWords: try tools.functionWords[language.spokenTag]
                ?? TextCoverage.functionWords(language: language.spokenTag, root: root),
            segmenter: chinese ? tools.segmenter : nil, lemmatizer: chinese ? nil : tools.lemmatizer,
            pinyin: tools.lexicon.info.fingerspelling == .pinyin ? tools.pinyin : nil,
            classifier: try WordClassifier.load(root: root, language: language),
            structure: try StructureRules.load(root: root, language: language), names: chinese ? tools.names : nil)
    }

    /// The words of `text` in order, punctuation included, each with its ``WordClass``.
    public func words(_ text: String) -> [Word] {
        var words = language == .chinese ? chineseWords(text) : englishWords(text)
        let capitalised = Set(words.indices.filter { words[$0].isName })
        let classes = classifier.classes(words.map { $0.kind == .punctuation ? nil : $0.text }, names: language == .english ? capitalised : [])
        for index in words.indices {
            guard let wordClass = classes[index] else { continue }
            words[index].wordClass = words[index].kind == .number ? .number : wordClass
            // A name by the dictionary's tag (北京, 日本) is protected like a lexicon name.
            if wordClass == .name && (words[index].kind == .sign || words[index].kind == .unknown) { words[index].isName = true }
        }
        return words
    }

    /// Writes words back as text: Chinese without spaces and numbers in Arabic digits (八十五比七十九 → 85比79,
    /// as subtitles write them: the rate counts a run of digits as one unit, and the gloss stage reads them as the
    /// same number), English with spaces and punctuation attached.
    public func join(_ words: [Word]) -> String {
        guard language == .english else { return chineseText(words) }
        var text = ""
        for word in words {
            let attaches = word.kind == .punctuation && !"([\"“".contains(word.text)
            if !text.isEmpty && !attaches && !"([\"“".contains(text.last!) { text += " " }
            text += word.text
        }
        return text
    }

    // MARK: - Chinese

    /// Chinese words as text, each run of number words (with 点 between them: 二 点 五) written compactly when it
    /// is a number and at most a unit (百分之五点二 → 5.2%, 八度 → 8度; not 一起 "together").
    private func chineseText(_ words: [Word]) -> String {
        var text = "", run = ""
        func flush() {
            var rest = Substring(run.hasPrefix("百分之") ? String(run.dropFirst(3)) : run)
            rest = rest.drop { rules.numberWords.contains(String($0)) || $0 == "点" }
            let compact = rest.count < run.count && (rest.isEmpty || structure.units.contains(String(rest))) ? ChineseNumerals.compact(run) : nil
            text += compact ?? run
            run = ""
        }
        for (index, word) in words.enumerated() {
            let point = word.text == "点" && !run.isEmpty && index + 1 < words.count && words[index + 1].isNumeric
            if word.isNumeric || point {
                run += word.text
            } else {
                flush()
                text += word.text
            }
        }
        flush()
        return text
    }

    private func chineseWords(_ text: String) -> [Word] {
        var words: [Word] = []
        for token in segmenter!.segment(text) {
            let word = chineseWord(token)
            // After a number, or after 百分之五点|五点 as the word list splits 百分之五点二 (one decimal, 5.2%, not a time
            // of day), a number continues it.
            if word.kind == .number, let last = words.last, last.kind == .number || isDecimalHead(last.text) {
                words[words.count - 1] = Word(text: last.text + word.text, kind: .number, signs: last.signs + word.signs)
            } else if word.kind == .number, words.count >= 2, words[words.count - 1].text == "点", words[words.count - 2].kind == .number {
                // A decimal: 二 点 五 is one number, 二点五.
                let point = words.removeLast(), whole = words.removeLast()
                words.append(Word(text: whole.text + point.text + word.text, kind: .number, signs: whole.signs + point.signs + word.signs))
            } else {
                words.append(word)
            }
        }
        return joiningNames(words)
    }

    /// 刘|晓|红, 周|子|涵, 王|某: a person's name the word list lacks, cut by the segmenter into its surname and single
    /// characters, is one name (``ChineseNames``), spelled as names are; a piece of it is no word (红 "red").
    private func joiningNames(_ words: [Word]) -> [Word] {
        guard let names else { return words }
        let spans = names.spans(words.map(\.text), canContinue: { index in
            words[index].kind != .punctuation && words[index].kind != .number && !self.functionWords.contains(words[index].text)
        }, isNumeral: { words[$0].kind == .number })
        var result = words
        for span in spans.reversed() {
            let text = words[span].map(\.text).joined()
            result.replaceSubrange(span, with: [Word(text: text, kind: .unknown, isName: true, spelled: speller.units(for: text))])
        }
        return result
    }

    private func chineseWord(_ token: ChineseSegmenter.Token) -> Word {
        let text = token.text
        if token.kind == .punctuation { return Word(text: text, kind: .punctuation) }
        if token.kind == .number || isChineseNumber(text) || token.kind != .lexicon && isNumberWithUnit(text) {
            return Word(text: text, kind: .number, signs: text.compactMap { lexicon.lookup(String($0)).first?.entry })
        }
        let negation = rules.negations.contains(text) || rules.negationPrefixes.contains { text.hasPrefix($0) }
        if functionWords.contains(text) && !negation { return Word(text: text, kind: .function) }
        let matches = lexicon.lookup(text, language: language.spokenTag)
        if let match = matches.first {
            return Word(text: text, kind: .sign, isName: match.sense?.partOfSpeech == .name,
                        isNegation: negation, signs: [match.entry])
        }
        if token.kind != .latin, let parts = decomposition(text) {
            return Word(text: text, kind: .sign, isNegation: negation, signs: parts)
        }
        return Word(text: text, kind: .unknown, isName: token.kind == .latin, isNegation: negation,
                    spelled: speller.units(for: text))
    }

    /// True for a listed word that is a numeral ending in 点, optionally after 百分之 (五点, 百分之五点): with a number
    /// after it, the integer part of a decimal.
    private func isDecimalHead(_ text: String) -> Bool {
        let body = text.hasPrefix("百分之") ? text.dropFirst(3) : Substring(text)
        guard body.count > 1, body.last == "点" else { return false }
        return body.dropLast().allSatisfy { rules.numberWords.contains(String($0)) }
    }

    /// True for a word the general list has that is a numeral and a unit of the structure rules (八度 after 六到,
    /// not "octave"; 十天): the number is what the news says.
    private func isNumberWithUnit(_ text: String) -> Bool {
        guard let first = text.firstIndex(where: { !rules.numberWords.contains(String($0)) }), first > text.startIndex else { return false }
        return structure.units.contains(String(text[first...]))
    }

    /// True for a word made of numeral characters, optionally ending in one measure word (`一百`, `第十`, `一个`).
    private func isChineseNumber(_ text: String) -> Bool {
        if rules.numberWords.contains(text) { return true }
        let numeral = { (character: Character) in self.rules.numberWords.contains(String(character)) }
        guard let first = text.first, numeral(first) else { return false }
        return text.dropLast().allSatisfy(numeral) && (numeral(text.last!) || functionWords.contains(String(text.last!)))
    }

    /// Known signs that make up `word` wholly, longest part first (混双 → 混合 双), or nil.
    private func decomposition(_ word: String) -> [LexiconEntry]? {
        let characters = Array(word)
        var parts: [LexiconEntry] = []
        var start = 0
        while start < characters.count {
            let longest = min(4, characters.count - start)
            guard let (length, entry) = (1...longest).reversed().lazy.compactMap({ length in
                lexicon.lookup(String(characters[start..<start + length]), language: language.spokenTag).first
                    .map { (length, $0.entry) }
            }).first else { return nil }
            parts.append(entry)
            start += length
        }
        return parts
    }

    // MARK: - English

    private func englishWords(_ text: String) -> [Word] {
        let tokens = Self.englishTokens(text)
        var words: [Word] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.isPunctuation {
                words.append(Word(text: token.text, kind: .punctuation))
                index += 1
                continue
            }
            if let (length, entry) = phrase(tokens, at: index) {
                let joined = tokens[index..<index + length].map(\.text).joined(separator: " ")
                words.append(Word(text: joined, kind: .sign, signs: [entry]))
                index += length
                continue
            }
            // First in a clause a capitalised word is a name only before another one ("James Clarke said", "Aston
            // Villa beat …"); alone it may be any word.
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let clauseStart = words.allSatisfy { $0.kind == .punctuation }
                && !(next.map { !$0.isPunctuation && $0.text.first!.isUppercase && $0.text.count > 1 } ?? false)
            words.append(englishWord(token.text, clauseStart: clauseStart))
            index += 1
        }
        return words
    }

    private func englishWord(_ text: String, clauseStart: Bool) -> Word {
        let lower = text.lowercased()
        if lower.first!.isNumber || rules.numberWords.contains(lower) {
            let signs = lower.first!.isNumber ? lower.filter(\.isNumber).prefix(4).compactMap { lexicon.lookup(String($0)).first?.entry }
                : lexicon.lookup(lower, language: "en").prefix(1).map(\.entry)
            return Word(text: text, kind: .number, signs: signs)
        }
        let negation = rules.negations.contains(lower) || lower.hasSuffix("n't")
        if functionWords.contains(lower) && !negation { return Word(text: text, kind: .function) }
        let capitalised = text.first!.isUppercase && text.count > 1
        let match = lexicon.lookup(lemmatizer!.lemma(text), language: "en").first
        let isName = match?.sense?.partOfSpeech == .name || (capitalised && !clauseStart)
        if let match { return Word(text: text, kind: .sign, isName: isName, isNegation: negation, signs: [match.entry]) }
        return Word(text: text, kind: .unknown, isName: isName, isNegation: negation, spelled: speller.units(for: text))
    }

    /// The longest multiword expression (three or two words) the lexicon maps at `index`.
    private func phrase(_ tokens: [EnglishToken], at index: Int) -> (Int, LexiconEntry)? {
        for length in [3, 2] where index + length <= tokens.count {
            let slice = tokens[index..<index + length]
            guard !slice.contains(where: \.isPunctuation) else { continue }
            let text = slice.map { $0.text.lowercased() }.joined(separator: " ")
            if let match = lexicon.lookup(text, language: "en").first { return (length, match.entry) }
        }
        return nil
    }

    private struct EnglishToken {
        var text: String
        var isPunctuation: Bool
    }

    /// Words (letters and digits with inner `'`, `-`, `.`, `,` between digits) and single punctuation marks.
    private static func englishTokens(_ text: String) -> [EnglishToken] {
        var tokens: [EnglishToken] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let inner = !current.isEmpty && (next.isLetter || next.isNumber)
                && ("'’-".contains(character) || (".,".contains(character) && current.last!.isNumber && next.isNumber))
            if character.isLetter || character.isNumber || inner || (character == "%" && current.last?.isNumber == true) {
                current.append(character)
                continue
            }
            if !current.isEmpty { tokens.append(EnglishToken(text: current, isPunctuation: false)) }
            current = ""
            if !character.isWhitespace { tokens.append(EnglishToken(text: String(character), isPunctuation: true)) }
        }
        if !current.isEmpty { tokens.append(EnglishToken(text: current, isPunctuation: false)) }
        return tokens
    }
}
