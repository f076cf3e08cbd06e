import Foundation

/// Extended-finger direction and palm orientation (HamNoSys) → the hand's world orientation.
///
/// HamNoSys gives palm orientation relative to the extended-finger direction: the eight palm codes are read as
/// if the fingers pointed out from the body, then turned with the hand (yaw about the vertical, then pitch) to
/// the actual finger direction. So fingers up with palm "d" means the palm faces away from the signer.
enum HandOrientation {
    /// Palm direction (unit, world) for finger direction `fingers` and the palm code's vector `palmCode`.
    static func palmDirection(fingers: Vector3, palmCode: Vector3) -> Vector3 {
        let yaw = abs(fingers.x) + abs(fingers.z) < 1e-9 ? 0 : atan2(fingers.x, fingers.z)
        let pitch = asin(max(-1, min(1, fingers.y)))
        let turn = Quaternion(axisIndex: 1, angle: yaw) * Quaternion(axisIndex: 0, angle: -pitch)
        var palm = (turn * palmCode).rejecting(fingers)
        if palm.length < 1e-6 { palm = fingers.anyPerpendicular }
        return palm.normalized
    }

    /// The world orientation of `side`'s hand joint with the fingers along `fingers` and the palm facing `palm`.
    ///
    /// In the bind pose the fingers point along ±X (outwards) and the palm faces −Y.
    static func orientation(side: Side, fingers: Vector3, palm: Vector3) -> Quaternion {
        let f = fingers.normalized
        let p = palm.rejecting(f).normalized
        let bindFingers = Vector3.unitX * side.xSign, bindPalm = Vector3(0, -1, 0)
        let target = Quaternion(matrixColumns: (f, p, f.cross(p)))
        let bind = Quaternion(matrixColumns: (bindFingers, bindPalm, bindFingers.cross(bindPalm)))
        return target * bind.inverse
    }

    /// The finger and palm directions of a hand orientation (the inverse of ``orientation(side:fingers:palm:)``).
    static func directions(side: Side, orientation: Quaternion) -> (fingers: Vector3, palm: Vector3) {
        (orientation * (Vector3.unitX * side.xSign), orientation * Vector3(0, -1, 0))
    }
}
