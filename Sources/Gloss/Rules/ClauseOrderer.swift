import Lexicon

/// The sign order of one clause: which items are dropped, what is fronted, what goes last, and the
/// non-manual spans that follow from it.
struct OrderedClause: Sendable, Equatable {
    /// Item indices in signing order.
    var order: [Int]
    /// Item indices that produce no sign.
    var dropped: [Int]
    /// Non-manual spans over positions in ``order`` (inclusive).
    var spans: [NonManualSpan]
}

/// Applies the grammar's ordering rules to one clause (sign-facts.md §2):
/// drops function words, copulas and do-support; fronts time then place as a topic; undoes
/// subject–auxiliary inversion in questions; moves the copula, negators and the question word to the
/// clause end as the grammar says. Nothing moves across a clause verb (think, know, remember).
struct ClauseOrderer: Sendable {
    let grammar: GlossGrammar
    let lexicon: Lexicon

    /// Orders `items`, one clause of a sentence that is a question when `isQuestion`.
    func order(_ items: [Item], isQuestion: Bool) -> OrderedClause {
        let embedded = items.firstIndex { grammar.contains(.clauseVerb, $0.key) }.map { $0 + 1 } ?? items.count
        let dropped = droppedItems(items, isQuestion: isQuestion)
        var moved = dropped
        let wh = isQuestion && embedded == items.count ? questionPhrase(items, dropped: dropped) : []
        moved.formUnion(wh)
        let time = grammar.frontTime ? items.indices.filter { $0 < embedded && items[$0].role == .time && !moved.contains($0) } : []
        moved.formUnion(time)
        let places = grammar.frontPlaces ? placeItems(items, before: embedded, dropped: dropped, moved: moved) : []
        moved.formUnion(places)
        let copulas = grammar.copula == .clauseEnd ? finalCopulas(items, excluding: moved) : []
        moved.formUnion(copulas)
        let negators = grammar.negation == .clauseEnd
            ? items.indices.filter { items[$0].role == .negator && !moved.contains($0) } : []
        moved.formUnion(negators)
        var body = items.indices.filter { !moved.contains($0) }
        if isQuestion, grammar.undoInversion { body = uninverted(body, items) }

        let order = time + places + body + copulas + negators + wh
        var spans: [NonManualSpan] = []
        if !(time + places).isEmpty { spans.append(NonManualSpan(kind: .topic, first: 0, last: time.count + places.count - 1)) }
        spans += negationSpans(items, order: order, bodyEnd: order.count - wh.count - 1, dropped: dropped)
        return OrderedClause(order: order, dropped: dropped.sorted(), spans: spans)
    }

    // MARK: - Dropping

    private func droppedItems(_ items: [Item], isQuestion: Bool) -> Set<Int> {
        var dropped: Set<Int> = []
        for (index, item) in items.enumerated() {
            let next = index + 1 < items.count ? items[index + 1] : nil
            switch item.role {
            case .drop, .measure, .symbol: dropped.insert(index)
            case .placeMarker where grammar.frontPlaces: dropped.insert(index)
            case .doSupport where isQuestion || next?.role == .negator: dropped.insert(index)
            case .copula where grammar.copula == .drop:
                let existential = index > 0 && grammar.contains(.existential, items[index - 1].key)
                let passive = index + 2 < items.count && grammar.contains(.passiveMarker, items[index + 2].key)
                if !existential && !passive { dropped.insert(index) }
            default: break
            }
        }
        return dropped
    }

    // MARK: - Moving

    /// The question word (or phrase, up to the auxiliary) to move last; empty when it stays.
    private func questionPhrase(_ items: [Item], dropped: Set<Int>) -> [Int] {
        guard let start = items.firstIndex(where: { $0.role == .wh }) else { return [] }
        let auxiliary = items[(start + 1)...].firstIndex { [.auxiliary, .doSupport, .copula].contains($0.role) }
        if auxiliary == nil, grammar.whSubjectStays { return [] }
        let end = grammar.whExtent == .phrase ? (auxiliary ?? start + 1) : start + 1
        return (start..<end).filter { !dropped.contains($0) }
    }

    /// Places introduced by a place preposition or a motion verb, with the names and places after them;
    /// dropped words in between (去了广州) are skipped.
    private func placeItems(_ items: [Item], before end: Int, dropped: Set<Int>, moved: Set<Int>) -> [Int] {
        let kept = items.indices.filter { $0 < end && (!dropped.contains($0) || items[$0].role == .placeMarker) }
        var places: [Int] = []
        var position = 0
        while position < kept.count {
            let item = items[kept[position]]
            let afterMarker = item.role == .placeMarker
            position += 1
            guard afterMarker || item.role == .content && grammar.contains(.motionVerb, item.key) else { continue }
            let first = position
            while position < kept.count, !moved.contains(kept[position]), case let next = items[kept[position]],
                  next.role == .content,
                  isPlace(next) || next.isName && (afterMarker || position > first) || afterMarker && position == first {
                places.append(kept[position])
                position += 1
            }
        }
        return places
    }

    private func isPlace(_ item: Item) -> Bool {
        let categories = grammar.words(.placeCategory)
        return lexicon.lookup(item.text, language: grammar.spokenLanguage).contains { categories.contains($0.entry.category) }
    }

    /// Copulas between a subject and a complement: moved to the clause end (identity statements).
    private func finalCopulas(_ items: [Item], excluding moved: Set<Int>) -> [Int] {
        let kept = items.indices.filter { !moved.contains($0) }
        guard let first = kept.first, let last = kept.last else { return [] }
        return kept.filter { items[$0].role == .copula && $0 != first && $0 != last }
    }

    /// Questions put the auxiliary before the subject (`Can you help`): put it back after (`you CAN help`).
    private func uninverted(_ body: [Int], _ items: [Item]) -> [Int] {
        guard body.count >= 3, [.auxiliary, .copula].contains(items[body[0]].role) else { return body }
        let subject = grammar.contains(.nounCue, items[body[1]].key) && body.count >= 4 ? 2 : 1
        return Array(body[1...subject]) + [body[0]] + body[(subject + 1)...]
    }

    // MARK: - Non-manuals

    /// A head shake over each negator and its predicate: from the word the negator preceded in the
    /// source to the negator (clause-end negation), or from the negator to the end of the clause body.
    private func negationSpans(_ items: [Item], order: [Int], bodyEnd: Int, dropped: Set<Int>) -> [NonManualSpan] {
        var position: [Int: Int] = [:]
        for (place, index) in order.enumerated() { position[index] = place }
        return items.indices.compactMap { index -> NonManualSpan? in
            guard items[index].role == .negator, let at = position[index] else { return nil }
            if grammar.negation == .clauseEnd {
                let predicate = ((index + 1)..<items.count).first { !dropped.contains($0) }.flatMap { position[$0] } ?? at
                return NonManualSpan(kind: .negation, first: min(predicate, at), last: at)
            }
            return NonManualSpan(kind: .negation, first: at, last: max(at, bodyEnd))
        }
    }
}
