/// The closed value sets of the HamNoSys 4 / G-SiGML vocabulary, spelt as G-SiGML spells them.
///
/// Each enum's raw value is the attribute value written in SiGML and in our text format, so a value
/// read from a file is valid exactly when `init(rawValue:)` succeeds.

/// One of the 12 HamNoSys base handshapes.
public enum Handshape: String, Sendable, Codable, CaseIterable {
    case fist, flat, finger2, finger23, finger23spread, finger2345
    case pinch12, pinch12open, pinchall, cee12, cee12open, ceeall
}

/// Where the thumb is relative to the base handshape.
public enum ThumbPosition: String, Sendable, Codable, CaseIterable {
    case out, across, opposed
}

/// A bending modifier for all fingers (`mainbend`) or one finger (`bend1`…`bend5`).
public enum FingerBend: String, Sendable, Codable, CaseIterable {
    case bent, round, hooked, dblbent, dblhooked
}

/// A direction in signing space: up/down, left/right, out (away from the body) and in, and their combinations.
///
/// Used for extended-finger direction, palm orientation, movement direction, circle axis and base shift.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case u, ul, l, dl, d, dr, r, ur
    case o, uo, uol, ol, dol, `do`, dor, or, uor
    case i, ui, uil, il, dil, di, dir, ir, uir
}

/// A clock position in the plane of a circle or curve (start, end, curve bulge).
public enum ClockDirection: String, Sendable, Codable, CaseIterable {
    case u, ul, l, dl, d, dr, r, ur
}

/// A place on the body, head, arm or hand that a hand can be at or touch.
public enum Location: String, Sendable, Codable, CaseIterable {
    // head and face
    case head, headtop, forehead, eyebrows, eyes, uppereyelid, lowereyelid, nose, nostrils
    case upperlip, lips, lowerlip, tongue, teeth, upperteeth, lowerteeth, chin, underchin
    case ear, earlobe, cheek
    // trunk
    case neck, shouldertop, shoulders, chest, stomach, belowstomach
    // arm
    case upperarm, elbow, elbowinside, lowerarm, wristback, wristpulse
    // hand
    case thumbball, palm, handback, thumbside, pinkyside
    // finger parts
    case tip, nail, pad, midjoint, base, side
}

/// Which side of a location the hand is at: at or beside the left or right half, or in front, behind, palm side, back side.
public enum LocationSide: String, Sendable, Codable, CaseIterable {
    case left_at, left_beside, right_at, right_beside, front, back, dorsal, palmar
}

/// How close the hand comes to a location.
public enum Contact: String, Sendable, Codable, CaseIterable {
    case touch, close, armextended
}

/// The size modifier of a movement.
public enum MovementSize: String, Sendable, Codable, CaseIterable {
    case small, big
}

/// How a repeated movement repeats.
public enum Repetition: String, Sendable, Codable, CaseIterable {
    case fromstart, fromstart_several, `continue`, continue_several, reverse, swap, tofroto
}

/// A movement of the wrist alone.
public enum WristMotionKind: String, Sendable, Codable, CaseIterable {
    case nodding, swinging, twisting, stircw, stirccw
}

/// A direction as SiGML writes it: one of the 26 ``Direction``s, or their letters repeated to weight them
/// (`uuo`: mostly up, a little out), as some SiGML files write a direction between two. The letters must not
/// cancel out (`oi` is no direction).
public struct DirectionCode: RawRepresentable, Sendable, Hashable {
    /// The letters as written.
    public let rawValue: String

    /// Reads a code of the letters u, d, l, r, o, i (at most six); nil when it has others or points nowhere.
    public init?(rawValue: String) {
        var up = 0, left = 0, out = 0
        guard (1...6).contains(rawValue.utf8.count) else { return nil }
        for letter in rawValue {
            switch letter {
            case "u": up += 1
            case "d": up -= 1
            case "l": left += 1
            case "r": left -= 1
            case "o": out += 1
            case "i": out -= 1
            default: return nil
            }
        }
        guard up != 0 || left != 0 || out != 0 else { return nil }
        self.rawValue = rawValue
    }

    /// The code of a named direction.
    public init(_ direction: Direction) {
        rawValue = direction.rawValue
    }

    /// The named direction, when the code is one of the 26.
    public var named: Direction? { Direction(rawValue: rawValue) }
}
