import Foundation
import Lexicon

/// A HamNoSys direction of Lexicon's vocabulary (`u`, `do`, `uol`, `uuo`, …) as a vector in the rig frame, from the
/// signer's point of view: u = up (+Y), d = down, l = the signer's left (+X), r = the signer's right (−X),
/// o = out, away from the body (+Z), i = in.
protocol DirectionLetters: RawRepresentable where RawValue == String {}

extension DirectionLetters {
    /// The unit vector of the code's letters.
    var vector: Vector3 {
        var v = Vector3.zero
        for letter in rawValue {
            switch letter {
            case "u": v.y += 1
            case "d": v.y -= 1
            case "l": v.x += 1
            case "r": v.x -= 1
            case "o": v.z += 1
            case "i": v.z -= 1
            default: break
            }
        }
        return v.normalized
    }
}

extension DirectionCode: DirectionLetters {}
extension ClockDirection: DirectionLetters {}

extension PhonologyNode {
    /// The vector of direction attribute `key`, blended halfway with `second_<key>` when present (HamNoSys
    /// "between" notation); nil when absent. `type` is the attribute's vocabulary: ``DirectionCode`` for
    /// finger, palm, movement and axis directions, ``ClockDirection`` for a circle's start and end and a curve.
    func direction<Code: DirectionLetters>(_ key: String, as type: Code.Type = DirectionCode.self) -> Vector3? {
        guard let first = value(key, as: Code.self)?.vector else { return nil }
        if let second = value("second_" + key, as: Code.self)?.vector {
            let mid = first + second
            return mid.length > 1e-6 ? mid.normalized : first
        }
        return first
    }
}
