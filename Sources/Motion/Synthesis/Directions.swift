import Foundation

/// HamNoSys directions (`u`, `do`, `uol`, …) as vectors in the rig frame, from the signer's point of view:
/// u = up (+Y), d = down, l = the signer's left (+X), r = the signer's right (−X), o = out, away from the body (+Z), i = in.
enum Direction {
    /// The unit vector for a direction code, or nil when a letter is unknown.
    static func vector(_ code: String) -> Vector3? {
        var v = Vector3.zero
        for letter in code {
            switch letter {
            case "u": v.y += 1
            case "d": v.y -= 1
            case "l": v.x += 1
            case "r": v.x -= 1
            case "o": v.z += 1
            case "i": v.z -= 1
            default: return nil
            }
        }
        return v.length > 0 ? v.normalized : nil
    }

    /// The vector for attribute `key` of `element`, blended halfway with `second_<key>` when present
    /// (HamNoSys "between" notation). Throws for an unknown code.
    static func attribute(_ key: String, of element: GesturalElement, source: String) throws -> Vector3? {
        guard let code = element[key] else { return nil }
        guard let first = vector(code) else {
            throw MotionError.badSign(source: source, element: "\(element.name)@\(key)", reason: "unknown direction \(code)")
        }
        if let secondCode = element["second_" + key], let second = vector(secondCode) {
            let mid = first + second
            return mid.length > 1e-6 ? mid.normalized : first
        }
        return first
    }
}
