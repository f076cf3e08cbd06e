/// One sentence of tokens, cut into clauses at the grammar's clause-break punctuation.
struct SourceSentence: Sendable, Equatable {
    /// One clause: its word tokens and the punctuation that ends it (nil for the last clause).
    struct Clause: Sendable, Equatable {
        var tokens: [SourceToken]
        var boundary: SourceToken?
    }

    var clauses: [Clause]
    /// The sentence-end marks (`.`, `？！`), empty when the input ends without one.
    var ending: [SourceToken]

    /// All word tokens of the sentence.
    var tokens: [SourceToken] { clauses.flatMap(\.tokens) }
}

/// Cuts tokens into sentences at sentence-end punctuation and into clauses at clause breaks;
/// other punctuation (quotes, brackets) is ignored.
enum SentenceSplitter {
    /// The sentences of `tokens`; sentences without a single word are left out.
    static func sentences(_ tokens: [SourceToken], grammar: GlossGrammar) -> [SourceSentence] {
        var sentences: [SourceSentence] = []
        var current = SourceSentence(clauses: [], ending: [])
        var clause = SourceSentence.Clause(tokens: [], boundary: nil)
        func finishClause(_ boundary: SourceToken?) {
            if !clause.tokens.isEmpty {
                clause.boundary = boundary
                current.clauses.append(clause)
            }
            clause = SourceSentence.Clause(tokens: [], boundary: nil)
        }
        func finishSentence() {
            finishClause(nil)
            if !current.clauses.isEmpty { sentences.append(current) }
            current = SourceSentence(clauses: [], ending: [])
        }
        for token in tokens {
            if token.kind == .punctuation {
                if grammar.contains(.sentenceEnd, token.text) || grammar.contains(.questionMark, token.text) {
                    finishClause(nil)
                    current.ending.append(token)
                } else if grammar.contains(.clauseBreak, token.text) {
                    if !current.ending.isEmpty { finishSentence() }
                    finishClause(token)
                }
                continue
            }
            if !current.ending.isEmpty { finishSentence() }
            clause.tokens.append(token)
        }
        finishSentence()
        return sentences
    }
}
