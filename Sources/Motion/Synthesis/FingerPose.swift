import Foundation

/// Joint angles of the five digits of a right hand: 5 digits × 3 joints, Euler angles in radians
/// (x = roll, y = spread or sweep, z = flexion), read in each joint's Euler order. A left hand uses the mirror image.
public struct FingerPose: Sendable, Equatable, Codable {
    /// Angles indexed `(digit - 1) * 3 + joint` (digit 1 = thumb … 5 = little finger; joint 0 = base).
    public var angles: [Vector3]

    /// A pose from its angles (15 entries).
    public init(angles: [Vector3]) {
        precondition(angles.count == 15)
        self.angles = angles
    }

    /// Every joint straight.
    public static let straight = FingerPose(angles: Array(repeating: .zero, count: 15))

    /// The three joints of `digit` (1…5).
    public subscript(digit digit: Int) -> [Vector3] {
        get { Array(angles[(digit - 1) * 3 ..< digit * 3]) }
        set { angles.replaceSubrange((digit - 1) * 3 ..< digit * 3, with: newValue) }
    }

    /// Interpolates angle by angle: `self` at t = 0, `other` at t = 1.
    public func lerp(to other: FingerPose, _ t: Double) -> FingerPose {
        FingerPose(angles: zip(angles, other.angles).map { $0.lerp(to: $1, t) })
    }

    /// The local joint rotations for `side`'s hand, keyed by joint index of `rig`.
    public func rotations(rig: Rig, side: Side) -> [(joint: Int, rotation: Quaternion)] {
        guard let chains = rig.digits[side] else { return [] }
        var out: [(Int, Quaternion)] = []
        for digit in 1...5 {
            for (k, joint) in (chains[digit] ?? []).enumerated() {
                var a = angles[(digit - 1) * 3 + k]
                if side == .left { a = Vector3(a.x, -a.y, -a.z) }
                out.append((joint, rig.joints[joint].rotation(limitAngles: a)))
            }
        }
        return out
    }
}
