/// Reads the structure of one clause from its words' classes: frames (reporting, topic), adjuncts, numbers with
/// their units and scores, the predicate with its negation, the subject's and object's heads, modifiers, and
/// secondary clauses. A shallow, rule-driven reading (no parser): the classes come from real dictionaries
/// (``WordClassifier``) and the word lists from `Lexicon/spoken/<tag>-structure.txt`.
public struct SentenceAnalyzer: Sendable {
    /// The frame words, joiners, units and tiers.
    public let rules: StructureRules
    /// The classifier (for English verb lemmas).
    public let classifier: WordClassifier
    /// The language read.
    public let language: DistillLanguage
    /// Number words and numeral characters (`Lexicon/spoken/<tag>-protected.txt`).
    public let numeralCharacters: Set<String>

    /// Creates an analyser.
    public init(rules: StructureRules, classifier: WordClassifier, language: DistillLanguage, numberWords: Set<String>) {
        self.rules = rules
        self.classifier = classifier
        self.language = language
        numeralCharacters = numberWords
    }

    /// The roles of a clause's words (nil for punctuation) and the group of each word: words of one group (a
    /// number with its unit, a negation with its verb) are kept or dropped together.
    public struct Analysis: Sendable, Equatable {
        /// One role per word; nil for punctuation.
        public var roles: [WordRole?]
        /// One group number per word.
        public var groups: [Int]
    }

    /// Analyses the words of one clause.
    public func analyse(_ words: [Word]) -> Analysis {
        var roles = [WordRole?](repeating: nil, count: words.count)
        var groups = Array(words.indices)
        let content = words.indices.filter { words[$0].kind != .punctuation }
        guard !content.isEmpty else { return Analysis(roles: roles, groups: groups) }
        // A negating determiner ("no one was injured", 没有) is a negation, not grammar to drop.
        for index in content where (words[index].kind == .function || isFunctionClass(words[index].wordClass))
            && !words[index].isNegation {
            roles[index] = .function
        }
        markNumbers(words, &roles, &groups)

        // Topic frame: a clause ending in 方面 with no verb of its own (体育方面，).
        let verbs = content.filter { words[$0].wordClass == .verb && roles[$0] == nil }
        if let last = content.last, rules.topics.contains(key(words[last])), verbs.isEmpty || content.count <= 3 {
            for index in content where roles[index] != .number { roles[index] = .topic }
            return Analysis(roles: roles, groups: groups)
        }
        // Reporting frames: 据…统计, "according to …", or a speaker and a reporting verb before any other verb.
        var start = content.first!
        let reporting = content.first { isReporting(words[$0]) && roles[$0] == nil }
        let opensFrame = rules.frameStarts.contains(key(words[content.first!]))
        if let verb = reporting, opensFrame || !content.contains(where: { $0 < verb && words[$0].wordClass == .verb }) {
            for index in content where index <= verb { frame(words, index, &roles) }
            start = verb + 1
            if language == .english, start < words.count, words[start].text.lowercased() == "that" { roles[start] = .function }
        } else if opensFrame {
            for index in content { frame(words, index, &roles) }
            return Analysis(roles: roles, groups: groups)
        }
        for index in content where index >= start && roles[index] == nil && rules.hedges.contains(key(words[index])) {
            roles[index] = .frame
        }
        // English "… announced (on Tuesday) that …": the complementizer after a reporting verb opens no secondary clause.
        var complementizer: Int?
        if language == .english, start > content.first!, let that = content.first(where: { $0 >= start && words[$0].text.lowercased() == "that" }),
           !content.contains(where: { $0 >= start && $0 < that && words[$0].wordClass == .verb }) {
            complementizer = that
            roles[that] = .function
            // What stands between the reporting verb and "that" ("announced on Tuesday that …") dates the report,
            // not the news: it goes with the frame.
            for index in content where index >= start && index < that && roles[index] != .number { roles[index] = .frame }
        }
        // The rest: main part up to a secondary marker, then the secondary part.
        let rest = content.filter { $0 >= start && $0 != complementizer }
        let isMarker = { (index: Int) in self.rules.secondaryMarkers.contains(self.key(words[index])) }
        let split = rest.first.flatMap { isMarker($0) ? $0 : nil } ?? rest.first { $0 != rest.first && isMarker($0) }
        let main = rest.filter { split == nil || $0 < split! }
        let secondary = rest.filter { split != nil && $0 > split! }
        if let marker = split { roles[marker] = .function }
        let saved = (roles, groups)
        analyseCore(words, main, secondary: false, adjuncts: true, &roles, &groups)
        if !main.contains(where: { [.subjectHead, .predicate, .objectHead, .number, .name].contains(roles[$0]) }),
           !main.contains(where: { words[$0].wordClass == .verb }) {
            // No core at all (a verbless fragment such as "with the possibility of flooding"): read the phrase
            // after its opening preposition as the core instead of one long adjunct.
            (roles, groups) = saved
            analyseCore(words, main, secondary: false, adjuncts: false, &roles, &groups)
        }
        analyseCore(words, secondary, secondary: true, adjuncts: true, &roles, &groups)
        for index in content where roles[index] == nil { roles[index] = .modifier }
        // Time words in a row are one expression ("next month", "early next spring", 今天上午): half of one is
        // wrong ("month") or empty ("next").
        for index in content where index > 0 && roles[index] == .time && roles[index - 1] == .time {
            groups[index] = groups[index - 1]
        }
        // A time the news implies (今天上午, "this morning": a bulletin is about today) says little: an adjunct, not a
        // new time that may take the next sentence's time.
        for index in content where roles[index] == .time {
            let expression = content.filter { roles[$0] == .time && groups[$0] == groups[index] }
            if expression.allSatisfy({ rules.implicitTimes.contains(key(words[$0])) }) { roles[index] = .adjunct }
        }
        // A name of several words ("Aston Villa", "Villa Park", "Graham Pike") is one group with the role of its
        // last word: a piece of a name ("Park", "Motors") tells nothing.
        if language == .english {
            for index in content.reversed() where index + 1 < words.count && words[index].isName && words[index + 1].isName
                && ![.time, .number, .function].contains(roles[index]) && ![.time, .number, .function].contains(roles[index + 1]) {
                roles[index] = roles[index + 1]
                groups[index] = groups[index + 1]
            }
        }
        // A light verb says nothing without its object (部分地区有大雪: 有 alone is empty): they go together.
        for index in content where roles[index] == .predicate && rules.lightVerbs.contains(key(words[index])) {
            if let object = content.first(where: { $0 > index && roles[$0] == .objectHead }),
               !content.contains(where: { $0 > index && $0 < object && roles[$0] == .predicate }) {
                groups[object] = groups[index]
            }
        }
        return Analysis(roles: roles, groups: groups)
    }

    /// Subject, predicate, object and adjuncts of a span of word indices.
    private func analyseCore(_ words: [Word], _ span: [Int], secondary: Bool, adjuncts: Bool,
                             _ roles: inout [WordRole?], _ groups: inout [Int]) {
        let head: (WordRole) -> WordRole = { secondary && [.subjectHead, .predicate, .objectHead].contains($0) ? .secondaryHead : $0 }
        var adjunct = false
        var locative = false  // the adjunct opened with a preposition of place (near, in, 在)
        var predicate: Int?
        var phrase: [Int] = []  // the nominal words of the current noun phrase
        var phraseRole = WordRole.subject
        var isFirstObject = true
        var previous: Int?
        var afterAuxiliary = false
        var purpose = false  // the last word read was an English "to" after a predicate that takes no infinitive
        var afterCoordinator = false  // the last word read was 和, and: a verb next is coordinated with the predicate
        func closePhrase() {
            // The last nominal is the head; a nominal before a conjunction (和, and) heads a conjunct too.
            defer { phrase = [] }
            guard let last = phrase.last else { return }
            // A name before the common noun that heads its phrase describes it ("its Sunderland plant", 中国 女子
            // 冰球队): signed with the noun, not a core of its own.
            if roles[last] == nil {
                for index in phrase where index != last && roles[index] == .name
                    && !(index + 1 < words.count && isCoordinator(words[index + 1])) {
                    roles[index] = nil
                }
            }
            for index in phrase where roles[index] == nil {
                let coordinated = index + 1 < words.count && isCoordinator(words[index + 1])
                let isHead = index == last || coordinated
                let headRole: WordRole = phraseRole == .subject ? .subjectHead : phraseRole == .object && predicate != nil
                    && !phrase.contains(where: { $0 < predicate! }) && isFirstObject ? .objectHead : .object
                roles[index] = isHead ? head(headRole) : .modifier
            }
            // 消防|员 (a word the dictionary lacks, split before its suffix): the noun and its suffix are the head.
            if phrase.count >= 2, rules.nounSuffixes.contains(words[last].text), phrase[phrase.count - 2] == last - 1 {
                groups[last - 1] = groups[last]
            }
            if phraseRole == .object { isFirstObject = false }
        }
        for index in span {
            let word = words[index]
            let wordClass = word.wordClass
            defer { previous = index }
            let coordinated = afterCoordinator
            afterCoordinator = false
            // Something removed between (a complementizer, a frame) ends an English adjunct.
            if language == .english, let previous, index != previous + 1 { adjunct = false }
            if roles[index] == .number || roles[index] == .frame || roles[index] == .time { continue }
            if wordClass == .preposition {
                // "the number of customers": the counted noun heads the phrase, the quantity word modifies it.
                if word.text.lowercased() == "of", let last = phrase.last, isQuantity(words[last]) {
                    roles[index] = .function
                    continue
                }
                closePhrase()
                // Without adjuncts only the opening preposition is ignored: "with the possibility of flooding in
                // low lying areas" is about flooding, and "in low lying areas" stays an adjunct.
                adjunct = adjuncts || index != span.first
                locative = rules.locatives.contains(key(word))
                roles[index] = .function
                continue
            }
            if adjunct {
                // 在罗马举行的锦标赛上: a verb before 的 describes a noun of the phrase; it does not end it.
                let describes = index + 1 < words.count && words[index + 1].text == "的"
                let ends = language == .chinese ? (wordClass == .verb || wordClass == .auxiliary) && !describes
                    : ![.determiner, .adjective, .noun, .name, .number, .measure, .time, .place, .pronoun, .other].contains(wordClass)
                // 从明天开始: the word closing the phrase belongs to it, not a predicate of the clause.
                if rules.adjunctEnds.contains(key(word)) {
                    if roles[index] == nil { roles[index] = .function }
                    adjunct = false
                    continue
                }
                if wordClass == .localizer && language == .chinese {
                    roles[index] = .function
                    adjunct = false
                    continue
                }
                if !ends {
                    // A name in an adjunct of place says where ("near Wakefield", 在广东湛江沿海): a place, not the
                    // core; elsewhere ("against Brazil", "with their captain Tom Hale") it stays a name.
                    if roles[index] == nil {
                        roles[index] = isTime(word) ? (secondary ? .adjunct : .time)
                            : word.isName || wordClass == .name ? (locative ? (secondary ? .adjunct : .place) : .name) : .adjunct
                    }
                    continue
                }
                // "for children and adults": a noun phrase coordinated inside the adjunct is part of it, not an
                // object of the clause.
                if isCoordinator(word), continuesPhrase(words, after: index, in: span) {
                    roles[index] = .function
                    continue
                }
                adjunct = false
            }
            if roles[index] == .function {
                if isCoordinator(word) {
                    afterCoordinator = true
                    continue
                }
                if wordClass == .determiner { continue }
                // 工地的塔吊: what comes before 的 describes the noun after it, one phrase headed by the last noun.
                if language == .chinese, word.text == "的", !phrase.isEmpty { continue }
                if wordClass == .auxiliary || wordClass == .particle {
                    closePhrase()
                    afterAuxiliary = predicate != nil
                    // "meet next month to review the budget": an infinitive after a predicate that does not take
                    // one (as "want to", "is due to" do) says why, a secondary clause; "… and to avoid driving"
                    // continues the infinitive before.
                    purpose = language == .english && wordClass == .particle && !coordinated && predicate.map {
                        !rules.infinitiveTakers.contains(key(words[$0])) } == true
                }
                continue
            }
            if word.isNegation {
                // Grouped with the verb it negates: the next verb of the span.
                roles[index] = .negation
                if let verb = span.first(where: { $0 > index && words[$0].wordClass == .verb && !words[$0].isNegation }) {
                    groups[index] = groups[verb]
                }
                continue
            }
            // The time or place of a secondary clause ("which opened on Monday") dates that detail, not the news.
            if secondary, isTime(word) || wordClass == .place {
                roles[index] = .adjunct
                continue
            }
            if isTime(word) {
                // "its opening hours": a listed time noun right after a noun of the phrase is the phrase's head,
                // not the clause's time.
                if rules.phraseTimeHeads.contains(key(word)), let last = phrase.last, last == previous,
                   words[last].wordClass == .noun, roles[last] == nil {
                    phrase.append(index)
                } else {
                    roles[index] = .time
                }
                continue
            }
            // A measure word away from a number (这种, or a misrecognised 道) is grammar, not a head.
            if wordClass == .measure && language == .chinese { roles[index] = .function; continue }
            if word.isName || wordClass == .name { roles[index] = .name; phrase.append(index); continue }
            if wordClass == .place { roles[index] = .place; continue }
            // 在建工地的塔吊, 连接成都和重庆的新线路: a Chinese verb whose phrase ends in 的 describes the noun after it
            // (a relative clause); it is not the clause's predicate.
            if wordClass == .verb, language == .chinese, describesNoun(words, after: index, in: span) {
                roles[index] = .modifier
                continue
            }
            if wordClass == .verb {
                // "figures show inflation fell": a finite verb right after the object's noun opens a clause of its
                // own (the object is its subject); its verb carries the news as much as the first.
                let complement = language == .english && predicate != nil && previous != nil && phrase.last == previous
                    && !word.text.lowercased().hasSuffix("ing")
                closePhrase()
                if predicate == nil {
                    predicate = index
                    roles[index] = head(.predicate)
                } else if language == .chinese, let first = predicate, previous == first, roles[first] == head(.predicate) {
                    // Verbs in a row (注意防寒保暖, 宣布推迟, 开始下降): the last carries the news, the ones before
                    // frame it.
                    roles[first] = .verb
                    roles[index] = head(.predicate)
                    predicate = index
                } else if purpose {
                    roles[index] = .verb
                    isFirstObject = false
                } else if afterAuxiliary || coordinated || complement {
                    // A verb after a modal or "to" (出现症状要及时就医: 就医; "… and to avoid driving"), or coordinated
                    // with the predicate ("slow down and avoid flooded roads"), is a predicate too, with its own object.
                    roles[index] = head(.predicate)
                    predicate = index
                    isFirstObject = true
                } else {
                    roles[index] = .verb
                }
                afterAuxiliary = false
                purpose = false
                phraseRole = .object
                continue
            }
            if wordClass.isNominal || wordClass == .noun || wordClass == .other || word.kind == .unknown && wordClass != .adjective
                && wordClass != .adverb {
                phrase.append(index)
                continue
            }
            if wordClass == .adjective {
                // Before a noun it is attributive; otherwise, with no verb, it is the predicate (天气很冷).
                let nextNominal = span.first(where: { $0 > index && roles[$0] != .function }).map {
                    words[$0].wordClass.isNominal || words[$0].wordClass == .noun } ?? false
                // English needs a copula or adverb before a predicate adjective ("will be able", "is very cold");
                // right after a noun it describes it ("passengers travelling between …").
                let predicative = language == .chinese
                    || previous.map { [.auxiliary, .adverb].contains(words[$0].wordClass) } == true
                if !nextNominal && predicate == nil && predicative {
                    closePhrase()
                    predicate = index
                    roles[index] = head(.predicate)
                    phraseRole = .object
                } else if !nextNominal, let verb = predicate, previous == verb, roles[verb] == head(.predicate),
                          rules.linkingVerbs.contains(key(words[verb])) {
                    // "will stay closed": what the subject is; the linking verb says nothing without it.
                    roles[index] = head(.predicate)
                    groups[index] = groups[verb]
                } else {
                    roles[index] = .modifier
                }
                continue
            }
            roles[index] = .modifier
        }
        closePhrase()
        // A negation whose verb was not found keeps its own group; a negation before the predicate is the predicate's.
        if let predicate, let negation = span.last(where: { $0 < predicate && roles[$0] == .negation }) {
            groups[negation] = groups[predicate]
        }
    }

    private func frame(_ words: [Word], _ index: Int, _ roles: inout [WordRole?]) {
        guard roles[index] == nil else { return }
        let word = words[index]
        roles[index] = isTime(word) ? .time : word.wordClass.isNominal || word.wordClass == .noun ? .speaker : .frame
    }

    private func isReporting(_ word: Word) -> Bool {
        language == .chinese ? rules.reporting.contains(word.text)
            : word.wordClass == .verb && rules.reporting.contains(classifier.verbLemma(word.text))
    }

    /// A noun of quantity (`quantity:` in the structure rules): "number", "lot", "group".
    private func isQuantity(_ word: Word) -> Bool {
        rules.quantities.contains(key(word))
    }

    private func isTime(_ word: Word) -> Bool {
        word.wordClass == .time || rules.timeWords.contains(key(word))
    }

    private func isCoordinator(_ word: Word) -> Bool {
        ["和", "与", "及", "以及", "、", "and", "or", "或", ","].contains(word.text.lowercased())
    }

    /// Whether the Chinese verb before `index + 1` opens a relative clause: only nouns, names, numbers, adjectives
    /// and coordinators between it and a 的 that a noun follows, a noun right before the 的 (在建工地的塔吊), nothing
    /// that ends a phrase.
    private func describesNoun(_ words: [Word], after index: Int, in span: [Int]) -> Bool {
        for next in span where next > index {
            let word = words[next]
            if word.text == "的" {
                // The word before 的 is a noun of the clause (工地的), not an adjective of the object (购买四十辆新的车).
                let before = words[next - 1]
                return next - 1 > index && (before.wordClass.isNominal || before.isName)
                    && span.first { $0 > next }.map { words[$0].wordClass.isNominal || [.adjective, .number].contains(words[$0].wordClass) } ?? false
            }
            guard word.wordClass.isNominal || word.isName || [.adjective, .number, .measure].contains(word.wordClass)
                || isCoordinator(word) else { return false }
        }
        return false
    }

    /// Whether the words after a coordinator form a noun phrase (determiners and adjectives, then a nominal) rather
    /// than a verb phrase or a clause.
    private func continuesPhrase(_ words: [Word], after index: Int, in span: [Int]) -> Bool {
        for next in span where next > index {
            let wordClass = words[next].wordClass
            if [.determiner, .adjective].contains(wordClass) { continue }
            return wordClass.isNominal || words[next].isName || wordClass == .number
        }
        return false
    }

    private func isFunctionClass(_ wordClass: WordClass) -> Bool {
        [.particle, .determiner, .auxiliary, .conjunction, .subordinator, .localizer].contains(wordClass)
    }

    /// The word as the rules list it: lower case, English verbs as lemmas.
    func key(_ word: Word) -> String {
        guard language == .english else { return word.text }
        let lower = word.text.lowercased()
        return word.wordClass == .verb ? classifier.verbLemma(lower) : lower
    }
}
