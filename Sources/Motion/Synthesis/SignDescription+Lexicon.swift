import Lexicon

extension GesturalElement {
    /// The same element from the lexicon's phonology tree.
    public init(_ node: PhonologyNode) {
        self.init(name: node.kind.rawValue,
                  attributes: Dictionary(node.attributes.map { ($0.name, $0.value) }) { $1 },
                  children: node.children.map(GesturalElement.init))
    }
}

extension SignDescription {
    /// The sign of a lexicon entry.
    public init(entry: LexiconEntry) {
        self.init(gloss: entry.gloss, manual: GesturalElement(entry.phonology.manual),
                  nonManual: GesturalElement(name: "sign_nonmanual", children: entry.phonology.nonManual.map(GesturalElement.init)),
                  source: "lexicon:\(entry.id)")
    }
}
