/// How a sign is made: the manual part (hands) and the non-manual tiers (mouth, face, gaze, head, body).
public struct Phonology: Sendable, Codable, Hashable {
    /// The manual part: a `sign_manual` node whose attributes say one or two hands and the symmetry.
    ///
    /// Its children are postures and movements in order; a compound sign instead has `sign_manual`
    /// children, one per part, each with its own hands and symmetry attributes.
    public var manual: PhonologyNode
    /// Non-manual tiers that run in parallel with the manual part (`mouthing_tier`, `facialexpr_tier`…).
    public var nonManual: [PhonologyNode]

    /// Creates a phonology.
    public init(manual: PhonologyNode = PhonologyNode(.signManual), nonManual: [PhonologyNode] = []) {
        self.manual = manual
        self.nonManual = nonManual
    }

    /// How the two hands relate in a two-handed sign.
    public enum Symmetry: String, Sendable, Codable, CaseIterable {
        /// Mirrored left–right (`lr_symm`): the usual two-handed symmetric sign.
        case leftRight
        /// Mirrored out–in (`oi_symm`).
        case outIn
        /// Mirrored up–down (`ud_symm`).
        case upDown
    }

    /// True when both hands take part (`both_hands` on the sign or one of its parts, or a `split_*` description).
    public var isTwoHanded: Bool {
        manual.allNodes.contains { node in
            node.kind == .signManual && node.flag("both_hands")
                || node.kind == .splitHandConfig || node.kind == .splitLocation || node.kind == .splitMotion
        }
    }

    /// True when the sign is made by the non-dominant hand alone (`nondominant`).
    public var isNonDominantOnly: Bool { manual.flag("nondominant") }

    /// The symmetry of a two-handed sign, nil when none is declared.
    public var symmetry: Symmetry? {
        if manual.flag("lr_symm") { return .leftRight }
        if manual.flag("oi_symm") { return .outIn }
        if manual.flag("ud_symm") { return .upDown }
        return nil
    }

    /// True when the symmetric hands move out of phase (alternating), `outofphase`.
    public var isOutOfPhase: Bool { manual.flag("outofphase") }
}
