/// Speakers across clauses: the appositions set off by commas around a reporting verb.
extension RulesDistiller {
    /// Verbless noun phrases set off by commas before a reporting frame are its speaker ("The health secretary,
    /// Priya Raman, said …", "…, the transport minister, James Clarke, said."): who said it is the least of the
    /// news, not a core of its own. A frame is a clause opening with a reporting verb, or one that is nothing but
    /// frame (a sentence-final "said.").
    func speakersMarked(_ clauses: [ClauseSplitter.Clause], _ words: [[Word]],
                                _ analyses: [SentenceAnalyzer.Analysis]) -> [SentenceAnalyzer.Analysis] {
        var analyses = analyses
        for index in clauses.indices {
            let content = words[index].indices.filter { words[index][$0].kind != .punctuation }
            guard let first = content.first else { continue }
            let roles = analyses[index].roles
            let opensWithReport = roles[first] == .frame && words[index][first].wordClass == .verb
            let onlyFrame = content.allSatisfy { [.frame, .speaker, .function].contains(roles[$0]) }
                && content.contains { roles[$0] == .frame }
            guard opensWithReport || onlyFrame, index > 0, !clauses[index].startsSentence else { continue }
            var before = index - 1
            while before >= 0 {
                let phrase = words[before].filter { $0.kind != .punctuation }
                guard let opening = phrase.first, !phrase.contains(where: { $0.wordClass == .verb }),
                      ![.preposition, .subordinator, .conjunction].contains(opening.wordClass) else { break }
                for word in words[before].indices where [.subjectHead, .subject, .name, .modifier, .object, .objectHead]
                    .contains(analyses[before].roles[word]) {
                    analyses[before].roles[word] = .speaker
                }
                if clauses[before].startsSentence { break }
                before -= 1
            }
        }
        return analyses
    }
}
