import Lexicon

/// Durations the rate model uses, in seconds (sign-facts.md §1).
///
/// Sign durations are ASL-LEX 2.0 means by movement type for citation signs, which is the speed an avatar signs
/// at; transitions and fingerspelling follow the SiGML player defaults and the fingerspelling legibility studies.
public struct SignDurations: Sendable, Equatable {
    /// Moving from one sign (or spelt word) to the next, s (SiGML: reach a posture 0.3 s).
    public var transition = 0.3
    /// One fingerspelled unit, s, when its entry has no timing (≈ 3 letters/s).
    public var letter = 1.0 / 3
    /// Hold on the last spelt letter, s.
    public var lastLetterHold = 0.2
    /// One number sign without movement (a digit's handshape held) within a number, s; also a number sign
    /// without an entry. Motion's `Timing.numberHold`.
    public var numberSign = 0.3
    /// Between the signs of one number, s (Motion's `Timing.numberTransition`).
    public var numberTransition = 0.2
    /// Pause at a clause mark (，、；： , ; :), s.
    public var clausePause = 0.25
    /// Pause at a sentence end (。！？ . ! ?), s (pauses ≈ 17 % of signing time in Huenerfauth 2009).
    public var sentencePause = 0.5

    /// The defaults above.
    public init() {}

    /// The citation duration of `entry`, s: its timing hint, else the mean for its movement type, divided by its speed
    /// factor, plus its hold.
    public func duration(of entry: LexiconEntry) -> Double {
        let base = entry.timing.duration ?? Self.movementDefault(entry.phonology)
        return base / max(0.1, entry.timing.speed ?? 1) + (entry.timing.hold ?? 0)
    }

    /// The time of `entry` as one sign of a number: a sign without movement is held ``numberSign``; one with a
    /// movement takes its citation duration.
    public func numberDuration(of entry: LexiconEntry) -> Double {
        entry.timing.duration == nil && Self.isStatic(entry.phonology) ? numberSign : duration(of: entry)
    }

    /// True when `phonology` has no movement: a posture held.
    static func isStatic(_ phonology: Phonology) -> Bool {
        !phonology.manual.children.contains { $0.kind == .signManual }  // a compound's parts
            && !phonology.manual.allNodes.contains { [.directedMotion, .circularMotion, .targetMotion, .repeatedMotion, .sequentialMotion,
                                                      .parallelMotion, .splitMotion, .changePosture, .fingerPlay, .wristMotion].contains($0.kind) }
    }

    /// ASL-LEX 2.0 mean duration by movement type, s: circular 1.086, Z-shaped 1.015, compound 1.022,
    /// curved 0.845, none 0.818, straight 0.809, back-and-forth (repeated) 0.758; finger play or wrist 0.8.
    static func movementDefault(_ phonology: Phonology) -> Double {
        let nodes = phonology.manual.allNodes
        let motions = phonology.manual.children.filter { $0.kind != .handConfig && $0.kind != .locationBodyArm
            && $0.kind != .locationHand && $0.kind != .handConstellation && $0.kind != .splitHandConfig
            && $0.kind != .splitLocation }
        if phonology.manual.children.contains(where: { $0.kind == .signManual }) { return 1.022 }  // a compound's parts
        if nodes.contains(where: { $0.kind == .circularMotion }) { return 1.086 }
        if nodes.contains(where: { $0.kind == .sequentialMotion }) || motions.count > 2 { return 1.022 }
        if nodes.contains(where: { $0.kind == .directedMotion && $0["zigzag"] != nil }) { return 1.015 }
        if nodes.contains(where: { $0.kind == .repeatedMotion }) { return 0.758 }
        if nodes.contains(where: { $0.kind == .directedMotion && $0["curve"] != nil }) { return 0.845 }
        if nodes.contains(where: { $0.kind == .directedMotion || $0.kind == .targetMotion }) { return 0.809 }
        if nodes.contains(where: { $0.kind == .fingerPlay || $0.kind == .wristMotion }) { return 0.8 }
        return 0.818
    }
}
