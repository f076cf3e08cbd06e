import Lexicon

/// How a `handconfig` updates the hand's current configuration, as the SiGML players read it.
///
/// A `handconfig` that names a `handshape` describes the whole new shape: bends, thumb position, special and
/// exempted fingers of the old shape are dropped unless the element gives them again; only the orientation
/// carries over. A `handconfig` without a `handshape` changes only what it gives (usually the orientation).
/// A value given without its `second_` partner ends an earlier "between" value of the same attribute.
enum PostureAttributes {
    /// Attributes that belong to the hand's orientation, not its shape.
    static let orientation: Set<String> = ["extfidir", "palmor", "second_extfidir", "second_palmor", "abs_palmor", "rel_palmor"]

    /// `current` (a `handconfig` node, nil before the first) updated by the attributes of `new`; the attributes
    /// are kept sorted by name, so that two configurations with the same values are equal.
    static func merged(_ current: PhonologyNode?, with new: PhonologyNode) -> PhonologyNode {
        var kept = current?.attributes ?? []
        if new["handshape"] != nil { kept.removeAll { !orientation.contains($0.name) } }
        let given = Set(new.attributes.map(\.name))
        let ended = Set(given.filter { !$0.hasPrefix("second_") }.map { "second_" + $0 })
        kept.removeAll { given.contains($0.name) || ended.contains($0.name) }
        return PhonologyNode(.handConfig, (kept + new.attributes).sorted { $0.name < $1.name })
    }
}
