import Foundation
/// The embedded distiller (no network). Each clause is cleaned (fillers, simplifications, repetitions) and read
/// by ``SentenceAnalyzer`` into groups of words with roles; the tiers of `Lexicon/spoken/<tag>-structure.txt`
/// order what is kept:
///
/// 1. every clause's core (subject head, predicate with its negation, object head, numbers with their units,
///    names), whole: clauses are taken by value (numbers, names, new content words, the lede) while their cores
///    fit, so when the budget is below every core, the least valuable clauses go entirely, not half of each;
/// 2. then, within the kept clauses, tier by tier (new time and place, further verbs and objects, modifiers and
///    adjuncts), the groups worth most per second of signing: a word with a sign before a fingerspelled one of
///    similar value, since spelling costs about three times a sign.
///
/// Words said in the previous passage or earlier in this one move to the last tier. The result is re-measured
/// with the scheduler's estimator and trimmed from the least valuable end until it fits.
public struct RulesDistiller: PassageDistiller {
    /// Cleans clauses.
    public let cleaner: ClauseCleaner
    /// Scores clauses.
    public let ranker: ClauseRanker
    /// Measures signing time; the same estimator the scheduler checks with.
    public let estimator: any SigningTimeEstimator
    /// Reads clause structure.
    public let sentences: SentenceAnalyzer

    /// Creates the distiller.
    public init(analyzer: TextAnalyzer, estimator: any SigningTimeEstimator, ranker: ClauseRanker = ClauseRanker()) {
        cleaner = ClauseCleaner(analyzer: analyzer)
        self.ranker = ranker
        self.estimator = estimator
        sentences = SentenceAnalyzer(rules: analyzer.structure, classifier: analyzer.classifier, language: analyzer.language,
                                      numberWords: analyzer.rules.numberWords)
    }

    private var language: DistillLanguage { cleaner.analyzer.language }

    /// Words kept or dropped together, with their tier (0 = core) and cost.
    struct Chunk {
        var clause: Int
        var indices: [Int]
        var tier: Int
        var role: WordRole
        var value: Double
        var seconds: Double
        var units: Int
        /// A core head that would be fingerspelled: added first after the cores, not required with them.
        var spelledHead = false
        /// A name that modifies the noun after it (中国 男子篮球队, "Beijing team"), not a phrase of its own.
        var modifiesNoun = false
        /// The chunk of the noun this attributive modifier describes, or of the object of this further verb: signed
        /// only with it ("low" without "areas", 年轻 without 守门员, "review" without "the budget", says nothing).
        var head: Int?
    }

    /// One clause: its cleaned words, closing mark, value and chunks.
    struct Plan {
        var words: [Word]
        var value: Double
        var chunks: [Int]
        /// The sentence the clause belongs to (0-based within the passage).
        var sentence: Int
    }

    public func condense(_ text: String, budget: Budget, context: String) async -> Condensation {
        condenseNow(text, budget: budget, context: context)
    }

    /// The synchronous form of ``condense(_:budget:context:)``.
    public func condenseNow(_ text: String, budget: Budget, context: String = "") -> Condensation {
        let (plans, chunks) = plan(text, context: context)
        var chosen = select(plans, chunks, budget: budget)
        var result = measure(plans, chunks, chosen)
        // Selection measured every text it kept, so this holds already; the guard keeps the bound by construction
        // whatever an estimator does.
        while !budget.admits(result.estimate, units: result.units) && !chosen.isEmpty {
            chosen.remove(leastValuable(chosen, plans, chunks))
            result = measure(plans, chunks, chosen)
        }
        return chosen.isEmpty ? Condensation(text: "", estimate: SigningEstimate(), units: 0, backend: "rules") : result
    }

    /// Seconds the whole cores of `text`'s clauses take to sign (what the passage needs before anything else), by
    /// the same estimator; 0 when it has none.
    public func coreSeconds(of text: String, context: String = "") -> Double {
        coreSeconds(of: text, context: context, throughTiers: [nil])[0]
    }

    /// ``coreSeconds(of:context:)`` for each of `tiers` from one reading of `text`: nil is the cores alone, a tier
    /// the cores and every group of the tiers up to it.
    public func coreSeconds(of text: String, context: String = "", throughTiers tiers: [Int?]) -> [Double] {
        let (plans, chunks) = plan(text, context: context)
        let structure = cleaner.analyzer.structure
        return tiers.map { tier in
            let chosen = Set(chunks.indices.filter {
                structure.usesWholeLag(tier: chunks[$0].tier) && !chunks[$0].spelledHead || chunks[$0].tier <= tier ?? -1 })
            return measure(plans, chunks, chosen).estimate.seconds
        }
    }

    private func measure(_ plans: [Plan], _ chunks: [Chunk], _ chosen: Set<Int>) -> Condensation {
        let text = compose(plans, chunks, chosen)
        let estimate = text.isEmpty ? SigningEstimate() : (try? estimator.signingTime(of: text)) ?? SigningEstimate(seconds: .infinity)
        return Condensation(text: text, estimate: estimate, units: TextUnits.count(text, language: language), backend: "rules")
    }

    /// Chunks in the order they are added: by tier, then value per cost (a signed word before a spelled one). The
    /// cost is the larger share a group takes of the passage's signing time or of its rate units: whichever of the
    /// two budgets is tighter is the one to spend well.
    private func order(_ candidates: [Int], _ plans: [Plan], _ chunks: [Chunk], budget: Budget) -> [Int] {
        func cost(_ chunk: Chunk) -> Double {
            let time = chunk.seconds / max(budget.seconds, 0.1)
            guard let units = budget.units else { return time }
            return max(time, Double(chunk.units) / max(units, 1))
        }
        // Value per cost is on a scale of about 10 (a group taking a tenth of the budget); /10 puts it beside the
        // clause's value term as value per second did.
        return candidates.sorted {
            let a = chunks[$0], b = chunks[$1]
            if a.tier != b.tier { return a.tier < b.tier }
            return (plans[a.clause].value * 0.1 + a.value / cost(a) / 10, -$0) > (plans[b.clause].value * 0.1 + b.value / cost(b) / 10, -$1)
        }
    }

    /// How the rules read `text`: per clause its value, then each group with its role, tier, word class and cost
    /// (`word/class`), for people editing `Lexicon/spoken/<tag>-structure.txt` and `-classes.txt`.
    public func explain(_ text: String, context: String = "") -> String {
        let (plans, chunks) = plan(text, context: context)
        let tiers = cleaner.analyzer.structure.tiers
        return plans.enumerated().map { clause, plan in
            let groups = plan.chunks.map { index in
                let chunk = chunks[index]
                let words = chunk.indices.map { "\(plan.words[$0].text)/\(plan.words[$0].wordClass.rawValue)" }.joined(separator: " ")
                let head = chunk.head.map { " → " + chunks[$0].indices.map { plan.words[$0].text }.joined(separator: " ") } ?? ""
                return String(format: "    %@ %@ [%@] %.1f s, value %.1f%@", tiers[chunk.tier].name, chunk.role.rawValue, words, chunk.seconds, chunk.value, head)
            }
            let all = plan.words.map { "\($0.text)/\($0.wordClass.rawValue)" }.joined(separator: " ")
            return (["clause \(clause + 1) (value \(String(format: "%.1f", plan.value))): \(all)"] + groups).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    // MARK: - Planning

    private func plan(_ text: String, context: String) -> ([Plan], [Chunk]) {
        let analyzer = cleaner.analyzer
        let structure = analyzer.structure
        let lastTier = structure.tiers.lastIndex { $0.name != "drop" } ?? 0
        var said = Set(analyzer.words(context).filter(\.isContent).map(\.text).map { $0.lowercased() })
        var plans: [Plan] = [], chunks: [Chunk] = []
        var previousEnd: Int?  // the tier of the previous clause's last group
        var sentence = -1
        let clauses = ClauseSplitter.clauses(text)
        let cleaned = clauses.map { cleaner.clean($0.text) }
        let analyses = speakersMarked(clauses, cleaned, cleaned.map(sentences.analyse))
        for (position, clause) in clauses.enumerated() {
            if clause.startsSentence || sentence < 0 { sentence += 1 }
            let words = cleaned[position]
            let analysis = analyses[position]
            // A verbless piece after a comma within a sentence that does not open a phrase of its own ("…, parks
            // and public transport", "…, several months ahead of schedule") continues the clause before: its heads
            // rank as that clause's last words do, not as a core of their own. Numbers and names keep their rank.
            let continuation = !clause.startsSentence && !words.contains { $0.wordClass == .verb }
                && words.first { $0.kind != .punctuation }.map { ![.preposition, .subordinator, .conjunction].contains($0.wordClass) } == true
            var groups = analysis.groups
            // A speaker's words go together or not at all (国家 卫生 健康 委员会): a piece of a name tells nothing.
            let speakers = words.indices.filter { analysis.roles[$0] == .speaker }
            if let first = speakers.first { for index in speakers { groups[index] = groups[first] } }
            var byGroup: [Int: [Int]] = [:]
            for index in words.indices where words[index].kind != .punctuation { byGroup[groups[index], default: []].append(index) }
            var clauseChunks: [Int] = []
            for group in byGroup.keys.sorted() {
                let indices = byGroup[group]!
                let ranked = indices.compactMap { index in analysis.roles[index].flatMap { role in
                    structure.tier(of: role).map { (tier: $0, role: role) } } }.min { $0.tier < $1.tier }
                guard let ranked else { continue }
                var tier = ranked.tier
                let role = ranked.role
                let members = indices.filter { analysis.roles[$0] != .function || role == .number }
                guard !members.isEmpty else { continue }
                let keys = members.filter { words[$0].isContent }.map { words[$0].text.lowercased() }
                let repeated = !keys.isEmpty && keys.allSatisfy(said.contains) && role != .number && role != .predicate
                    && role != .negation && !members.contains { words[$0].isNegation }
                if repeated { tier = max(tier, lastTier) }
                if continuation, let previousEnd, role != .number, role != .name, !members.contains(where: { words[$0].isName }) {
                    tier = max(tier, previousEnd)
                }
                // A head that would be fingerspelled (no sign; about three times a sign's time) is not required for
                // the core unless it is a name: the signed core goes first, the spelled head is the first to join.
                // Not the predicate: a core without what happened ("第十四号" for "第十四号台风…登陆") says nothing.
                let spelledHead = tier == 0 && [.subjectHead, .objectHead].contains(role)
                    && members.allSatisfy { words[$0].kind == .unknown && !words[$0].isName }
                let text = analyzer.join(members.map { words[$0] })
                let estimate = (try? estimator.signingTime(of: text)) ?? SigningEstimate(seconds: .infinity)
                // Value: numbers 2, names 1.5, other content by how much it tells (its frequency's information).
                let informative = members.filter { words[$0].isContent }.map { analyzer.classifier.informativeness(words[$0].text) }.max() ?? 1
                let after = members.max()! + 1
                let modifiesNoun = role == .name && after < words.count
                    && [.subjectHead, .objectHead, .object, .secondaryHead, .modifier].contains(analysis.roles[after])
                    && words[after].wordClass.isNominal
                chunks.append(Chunk(clause: plans.count, indices: members, tier: tier, role: role,
                                    value: role == .number ? 2 : words[members[0]].isName ? 1.5 : informative,
                                    seconds: estimate.seconds, units: TextUnits.count(text, language: language),
                                    spelledHead: spelledHead, modifiesNoun: modifiesNoun))
                clauseChunks.append(chunks.count - 1)
            }
            // Attributive modifiers go with their noun.
            let chunkOfWord = Dictionary(clauseChunks.flatMap { chunk in chunks[chunk].indices.map { ($0, chunk) } }) { a, _ in a }
            for chunk in clauseChunks where [.modifier, .adjunct].contains(chunks[chunk].role) {
                if let noun = nounModified(by: chunks[chunk].indices.max()!, words, analysis.roles), let head = chunkOfWord[noun],
                   head != chunk {
                    chunks[chunk].head = head
                }
            }
            // A speaker says nothing without what was said ("blaze, police."): signed only with the clause's
            // predicate (else its first core group).
            if let said = clauseChunks.first(where: { chunks[$0].role == .predicate })
                ?? clauseChunks.first(where: { chunks[$0].tier == 0 }) {
                for chunk in clauseChunks where chunks[chunk].role == .speaker { chunks[chunk].head = said }
            }
            // A verb with neither subject nor object says nothing ("welcomed" for "the city zoo welcomed a baby
            // elephant", both heads spelled): then the spelled subject (else object) head is part of the core after all.
            let signedCore = clauseChunks.filter { chunks[$0].tier == 0 && !chunks[$0].spelledHead }
            if signedCore.contains(where: { chunks[$0].role == .predicate }),
               !signedCore.contains(where: { [.subjectHead, .objectHead, .number, .name].contains(chunks[$0].role) }),
               let spelled = [WordRole.subjectHead, .objectHead].lazy.compactMap({ role in
                   clauseChunks.first { chunks[$0].spelledHead && chunks[$0].role == role } }).first {
                chunks[spelled].spelledHead = false
            }
            // A further verb goes with its object ("to review the budget": a bare "review" says nothing; the budget
            // alone still tells what the meeting is about).
            let inOrder = clauseChunks.sorted { chunks[$0].indices.min()! < chunks[$1].indices.min()! }
            for (position, chunk) in inOrder.enumerated() where chunks[chunk].role == .verb {
                let after = inOrder[(position + 1)...].prefix { ![.verb, .predicate].contains(chunks[$0].role) }
                if let object = after.first(where: { [.object, .objectHead].contains(chunks[$0].role) }) {
                    chunks[chunk].head = object
                }
            }
            let core = clauseChunks.filter { chunks[$0].tier <= 1 }.flatMap { chunks[$0].indices }.sorted().map { words[$0] }
            // A clause without a core of its own ("今天凌晨三点左右，" before its sentence's news) is no news on its own:
            // its words join when its sentence is signed, and it does not outrank that sentence.
            let hasCore = clauseChunks.contains { ![.time, .place].contains(chunks[$0].role) }
            let value = hasCore ? ranker.score(core, position: position, startsSentence: clause.startsSentence, alreadySaid: said) : 0
            // Only what is likely signed counts as said: a frame's speaker is not (据铁路部门统计 … 铁路).
            said.formUnion(clauseChunks.filter { chunks[$0].tier <= 1 }.flatMap { chunks[$0].indices }
                .filter { words[$0].isContent }.map { words[$0].text.lowercased() })
            plans.append(Plan(words: words, value: value, chunks: clauseChunks, sentence: sentence))
            // After a clause that only times or places what follows ("今天上午，"), the next is the news itself.
            previousEnd = hasCore ? clauseChunks.max { chunks[$0].indices.max()! < chunks[$1].indices.max()! }.map { max(1, chunks[$0].tier) } : nil
        }
        return (plans, chunks)
    }

    /// The noun that the attributive word at `index` modifies: the last nominal of the run of nouns and
    /// adjectives after it (function words such as 的 skipped), nil when it modifies none (an adverb, a predicate).
    private func nounModified(by index: Int, _ words: [Word], _ roles: [WordRole?]) -> Int? {
        let attributive: (Word) -> Bool = { [.adjective, .noun, .name, .place, .other].contains($0.wordClass) || $0.kind == .unknown }
        guard attributive(words[index]), words[index].wordClass != .adverb else { return nil }
        var noun: Int?
        for next in words.indices where next > index {
            let word = words[next]
            if word.kind == .punctuation { break }
            if roles[next] == .function { if word.wordClass == .preposition || word.wordClass == .conjunction { break } else { continue } }
            guard attributive(word), roles[next] != .number else { break }
            if word.wordClass != .adjective { noun = next }
        }
        return noun
    }

    // MARK: - Selection

    private func select(_ plans: [Plan], _ chunks: [Chunk], budget: Budget) -> Set<Int> {
        struct Pick { var chosen: Set<Int> = []; var included: [Int] = [] }
        // Each step measures the text it would sign (the estimator caches): summing the groups' own costs
        // counts a move into each group and a phrase-final hold after each, which the joined text does not pay.
        func fits(_ pick: Pick, _ more: [Int], within: Budget = budget) -> Bool {
            let trial = measure(plans, chunks, pick.chosen.union(more))
            return within.admits(trial.estimate, units: trial.units)
        }
        func take(_ pick: inout Pick, _ more: [Int]) {
            pick.chosen.formUnion(more)
        }
        let valued = plans.indices.filter { plans[$0].value > 0 }.sorted { (plans[$0].value, -$0) > (plans[$1].value, -$1) }
        let core = { (clause: Int) in
            self.order(plans[clause].chunks.filter { chunks[$0].tier == 0 && !chunks[$0].spelledHead }, plans, chunks, budget: budget)
        }
        // 1. Whole cores, most valuable clause first: a sentence's core is kept whole or the sentence goes.
        var whole = Pick()
        for clause in valued where !core(clause).isEmpty && fits(whole, core(clause)) {
            take(&whole, core(clause))
            whole.included.append(clause)
        }
        // When the most valuable clause's core does not fit, its best groups alone may say more than the whole
        // cores of lesser clauses (the match result rather than the table position): keep the better of the two.
        var partial = Pick()
        if let best = valued.first, !whole.included.contains(best) {
            // Its statement first: what happened (the predicate with its negation), then who or what, then numbers
            // (the figure is usually the news: the score, the rise, the count), names and the object (to whom, to
            // what), then names that only modify a noun (中国 before 篮球队: the team is there already); within each,
            // the best value per cost.
            // A predicate after the first goes with its object or not at all ("keep drains, avoid driving": a
            // bare "avoid" says nothing), ranked as the object.
            let statement: [WordRole: Int] = [.predicate: 0, .negation: 0, .subjectHead: 1, .number: 2, .name: 3, .objectHead: 3]
            let rank = { (chunk: Chunk) in chunk.modifiesNoun ? 4 : statement[chunk.role] ?? 5 }
            var units: [(rank: Int, chunks: [Int])] = []
            let inOrder = core(best).sorted { chunks[$0].indices.min()! < chunks[$1].indices.min()! }
            var seenPredicate = false
            for chunk in inOrder {
                if chunks[chunk].role == .objectHead, seenPredicate, let last = units.last, chunks[last.chunks[0]].role == .predicate,
                   last.chunks.count == 1, last.rank == 3 {
                    units[units.count - 1].chunks.append(chunk)
                    continue
                }
                let isLaterPredicate = chunks[chunk].role == .predicate && seenPredicate
                if chunks[chunk].role == .predicate { seenPredicate = true }
                units.append((isLaterPredicate ? 3 : rank(chunks[chunk]), [chunk]))
            }
            let ranked = units.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.chunks)
            for unit in ranked where fits(partial, unit) { take(&partial, unit) }
            // Something must be said about whoever is signed: a lone subject or name (地区。) tells nothing and only
            // takes time from the next passage.
            // Nor does a bare verb (welcomed。): it needs whom or what it is about.
            let says = partial.chosen.contains { [.predicate, .negation, .number].contains(chunks[$0].role) }
            let about = partial.chosen.contains { [.subjectHead, .objectHead, .number, .name].contains(chunks[$0].role) }
            if !says || !about { partial.chosen = [] }
            if !partial.chosen.isEmpty { partial.included = [best] }
        }
        let worth = { (pick: Pick) in pick.chosen.reduce(0.0) { $0 + chunks[$1].value } }
        let isPartial = worth(partial) > worth(whole)
        var pick = isPartial ? partial : whole
        // Beside a partial core, the whole cores of lesser clauses that still fit ("…发送旅客4.8亿人次，比去年增长6%":
        // the rise as well as who carried whom).
        if isPartial {
            for clause in valued where !pick.included.contains(clause) && !core(clause).isEmpty && fits(pick, core(clause)) {
                take(&pick, core(clause))
                pick.included.append(clause)
            }
        }
        // 2. Tier by tier within the kept clauses, best value per second first; beyond the tiers that may use the
        //    whole lag (the core; new time and place), within the time that does not make the next passage late.
        //    A partial core's left-out groups did not fit as its units
        //    (a predicate with its object) and are not taken apart now.
        let leftOut = isPartial ? Set(valued.first.map(core) ?? []) : []
        // A clause without a core of its own ("…, which was closed twice last year, …") is signed with its sentence:
        // its words join in their tiers when another clause of the sentence is kept.
        let keptSentences = Set(pick.included.map { plans[$0].sentence })
        pick.included += plans.indices.filter { !pick.included.contains($0) && core($0).isEmpty
            && keptSentences.contains(plans[$0].sentence) }
        let structure = cleaner.analyzer.structure
        let rest = pick.included.flatMap { plans[$0].chunks }.filter { !pick.chosen.contains($0) && !leftOut.contains($0) }
        // A modifier waits for its noun: rounds over the same order until nothing more is added.
        let ordered = order(rest, plans, chunks, budget: budget)
        var added = true
        while added {
            added = false
            for chunk in ordered where !pick.chosen.contains(chunk)
                && chunks[chunk].head.map(pick.chosen.contains) != false
                && fits(pick, [chunk], within: structure.usesWholeLag(tier: chunks[chunk].tier) ? budget
                    : budget.forExtras(tier: chunks[chunk].tier)) {
                take(&pick, [chunk])
                added = true
            }
        }
        return pick.chosen
    }

    /// The chosen chunk to give up first: the latest tier, then the least value per second; a core chunk only
    /// with its whole clause's core.
    private func leastValuable(_ chosen: Set<Int>, _ plans: [Plan], _ chunks: [Chunk]) -> Int {
        let optional = chosen.filter { chunks[$0].tier > 0 }
        if let worst = optional.max(by: { (chunks[$0].tier, -chunks[$0].value / chunks[$0].seconds)
            < (chunks[$1].tier, -chunks[$1].value / chunks[$1].seconds) }) {
            return worst
        }
        // Only cores left: the least valuable clause's least valuable group (its others follow on later rounds).
        let clause = Set(chosen.map { chunks[$0].clause }).min { plans[$0].value < plans[$1].value }!
        return chosen.filter { chunks[$0].clause == clause }.min { chunks[$0].value < chunks[$1].value }!
    }

    // MARK: - Output

    private func compose(_ plans: [Plan], _ chunks: [Chunk], _ chosen: Set<Int>) -> String {
        var pieces: [String] = []
        for plan in plans {
            let kept = Set(plan.chunks.filter(chosen.contains).flatMap { chunks[$0].indices })
            guard !kept.isEmpty else { continue }
            var words = plan.words.indices.filter(kept.contains).map { plan.words[$0] }
            if let last = plan.words.last, last.kind == .punctuation { words.append(last) }
            pieces.append(cleaner.analyzer.join(words))
        }
        return joined(pieces)
    }

    /// Kept clauses as one text, ending with a sentence mark.
    private func joined(_ clauses: [String]) -> String {
        var text = language == .chinese ? clauses.joined() : clauses.joined(separator: " ")
        while let last = text.last, "，、；：,;:".contains(last) { text.removeLast() }
        if !text.isEmpty, let last = text.last, !"。！？.!?”\"".contains(last) { text += language == .chinese ? "。" : "." }
        return text
    }
}
