import Foundation
import Lexicon

/// Durations (seconds) and sizes (metres) for synthesis, defaulting to the Open SiGML player (performs) values
/// and the rates in ../shared/docs/sign-facts.md §1.
public struct Timing: Sendable, Equatable, Codable {
    /// Time to move into a sign's first posture (the transition), seconds.
    public var approach = 0.3
    /// A directed (straight or curved) movement, seconds.
    public var directed = 0.3
    /// One turn of a circular movement, seconds.
    public var circle = 0.5
    /// A wrist movement or finger play, seconds.
    public var wristOrFingers = 0.8
    /// A change of posture (`tgt_motion`), seconds.
    public var postureChange = 0.3
    /// Hold after the last movement, seconds.
    public var finalHold = 0.25
    /// Hold of a sign without movement, seconds.
    public var staticHold = 0.7
    /// Each repetition as a fraction of the first performance (repeats are quicker).
    public var repeatFactor = 0.7
    /// Lengthening of a sign before a phrase boundary (Huenerfauth 2009: +12 %).
    public var phraseFinalLengthening = 1.12
    /// Time per fingerspelled letter (≈ 3 letters/s), and the extra hold of the last letter, seconds.
    public var letter = 0.33, lastLetterHold = 0.35
    /// Within one number: the hold of a sign without movement and the transition into the next sign, seconds
    /// (≈ 2 number signs/s, a little slower than letters: a number's digits are run through like a spelled word,
    /// not signed as separate citation signs). The last is held ``lastLetterHold`` longer.
    public var numberHold = 0.3, numberTransition = 0.2
    /// Move from rest into the first sign and back to rest after the last, seconds.
    public var fromRest = 0.5, toRest = 0.5
    /// Idle rest (breathing) before the first and after the last sign, seconds.
    public var idle = 0.5
    /// A pause at least this long (between stories, over music) is waited with the hands lowered to rest, as a
    /// signer waits; a shorter one holds the last sign. Seconds; at least ``toRest`` + ``fromRest``.
    public var restingPause = 1.5
    /// Global speed factor: 2 plays everything twice as fast.
    public var speed = 1.0

    /// Defaults.
    public init() {}

    /// A directed movement's length (metres): small, normal (no size given) and big.
    static func directedLength(_ size: MovementSize?) -> Double {
        switch size {
        case .small: 0.07
        case nil: 0.14
        case .big: 0.26
        }
    }

    /// A circle's radius (metres): small, normal (no size given) and big.
    static func circleRadius(_ size: MovementSize?) -> Double {
        switch size {
        case .small: 0.035
        case nil: 0.06
        case .big: 0.11
        }
    }

    /// Speed modifiers on a movement: a `speed` factor, else the `fast` and `slow` flags.
    static func tempo(_ node: PhonologyNode) -> Double {
        if let s = node["speed"], let v = Double(s), v > 0 { return v }
        return node.flag("fast") ? 1.5 : node.flag("slow") ? 0.67 : 1
    }
}
