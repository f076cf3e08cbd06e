/// How a `handconfig` updates the hand's current configuration attributes, as the SiGML players read it.
///
/// A `handconfig` that names a `handshape` describes the whole new shape: bends, thumb position, special and
/// exempted fingers of the old shape are dropped unless the element gives them again; only the orientation
/// carries over. A `handconfig` without a `handshape` changes only what it gives (usually the orientation).
/// A value given without its `second_` partner ends an earlier "between" value of the same attribute.
enum PostureAttributes {
    /// Attributes that belong to the hand's orientation, not its shape.
    static let orientation: Set<String> = ["extfidir", "palmor", "second_extfidir", "second_palmor", "abs_palmor", "rel_palmor"]

    /// `current` updated by the attributes of a new `handconfig`.
    static func merged(_ current: [String: String], with new: [String: String]) -> [String: String] {
        var out = current
        if new["handshape"] != nil { out = out.filter { orientation.contains($0.key) } }
        for key in new.keys where !key.hasPrefix("second_") { out["second_" + key] = nil }
        return out.merging(new) { $1 }
    }
}
