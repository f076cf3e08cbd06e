/// A gloss before it gets its source words and times: what the sign resolver found for one item.
struct SignDraft: Sendable, Equatable {
    var kind: Gloss.Kind
    var label: String
    var entry: String?
    var units: [GlossUnit]
    var match: Gloss.Match
}
