import Foundation

/// A unit quaternion for rotations; `w` is the scalar part. Composition `a * b` applies `b` first, then `a`.
public struct Quaternion: Sendable, Equatable, Codable, Hashable {
    /// Components; (1, 0, 0, 0) is no rotation.
    public var w, x, y, z: Double

    /// Creates a quaternion from its components (not normalised).
    public init(w: Double, x: Double, y: Double, z: Double) {
        self.w = w; self.x = x; self.y = y; self.z = z
    }

    /// No rotation.
    public static let identity = Quaternion(w: 1, x: 0, y: 0, z: 0)

    /// A rotation of `angle` radians about the unit vector `axis` (right-hand rule).
    public init(axis: Vector3, angle: Double) {
        let n = axis.normalized, s = sin(angle / 2)
        self.init(w: cos(angle / 2), x: n.x * s, y: n.y * s, z: n.z * s)
    }

    /// A rotation of `angle` radians about coordinate axis `index` (0 = X, 1 = Y, 2 = Z).
    public init(axisIndex index: Int, angle: Double) {
        var v = Vector3.zero
        v[index] = 1
        self.init(axis: v, angle: angle)
    }

    /// The shortest rotation taking unit vector `from` to unit vector `to`.
    public init(from: Vector3, to: Vector3) {
        let a = from.normalized, b = to.normalized
        let d = a.dot(b)
        if d < -0.999999 {
            self.init(axis: a.anyPerpendicular, angle: .pi)
        } else {
            let c = a.cross(b)
            self = Quaternion(w: 1 + d, x: c.x, y: c.y, z: c.z).normalized
        }
    }

    /// The rotation whose matrix has columns `columns` (an orthonormal right-handed basis).
    public init(matrixColumns c: (Vector3, Vector3, Vector3)) {
        let m00 = c.0.x, m10 = c.0.y, m20 = c.0.z
        let m01 = c.1.x, m11 = c.1.y, m21 = c.1.z
        let m02 = c.2.x, m12 = c.2.y, m22 = c.2.z
        let trace = m00 + m11 + m22
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            self.init(w: s / 4, x: (m21 - m12) / s, y: (m02 - m20) / s, z: (m10 - m01) / s)
        } else if m00 > m11 && m00 > m22 {
            let s = (1 + m00 - m11 - m22).squareRoot() * 2
            self.init(w: (m21 - m12) / s, x: s / 4, y: (m01 + m10) / s, z: (m02 + m20) / s)
        } else if m11 > m22 {
            let s = (1 + m11 - m00 - m22).squareRoot() * 2
            self.init(w: (m02 - m20) / s, x: (m01 + m10) / s, y: s / 4, z: (m12 + m21) / s)
        } else {
            let s = (1 + m22 - m00 - m11).squareRoot() * 2
            self.init(w: (m10 - m01) / s, x: (m02 + m20) / s, y: (m12 + m21) / s, z: s / 4)
        }
        self = normalized
    }

    /// Hamilton product: the rotation `b` followed by `a`.
    public static func * (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
                   x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                   y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                   z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    /// Rotates vector `v`.
    public static func * (q: Quaternion, v: Vector3) -> Vector3 {
        let u = Vector3(q.x, q.y, q.z)
        let t = u.cross(v) * 2
        return v + t * q.w + u.cross(t)
    }

    /// The inverse rotation (the conjugate of a unit quaternion).
    public var inverse: Quaternion { Quaternion(w: w, x: -x, y: -y, z: -z) }
    /// The same rotation scaled to unit length.
    public var normalized: Quaternion {
        let n = (w * w + x * x + y * y + z * z).squareRoot()
        return n > 1e-12 ? Quaternion(w: w / n, x: x / n, y: y / n, z: z / n) : .identity
    }
    /// The rotation angle in [0, π] radians.
    public var angle: Double { 2 * atan2(Vector3(x, y, z).length, abs(w)) }
    /// The reflection of this rotation through the mid-sagittal plane (x → −x), for mirroring left and right.
    public var mirrored: Quaternion { Quaternion(w: w, x: x, y: -y, z: -z) }
    /// The angle in radians between this rotation and `b`.
    public func angle(to b: Quaternion) -> Double { (inverse * b).angle }

    /// Spherical linear interpolation along the shorter arc: `self` at t = 0, `b` at t = 1.
    public func slerp(to b: Quaternion, _ t: Double) -> Quaternion {
        var b = b
        var d = w * b.w + x * b.x + y * b.y + z * b.z
        if d < 0 { b = Quaternion(w: -b.w, x: -b.x, y: -b.y, z: -b.z); d = -d }
        if d > 0.9995 {
            return Quaternion(w: w + (b.w - w) * t, x: x + (b.x - x) * t, y: y + (b.y - y) * t, z: z + (b.z - z) * t).normalized
        }
        let theta = acos(d), s = sin(theta)
        let ka = sin((1 - t) * theta) / s, kb = sin(t * theta) / s
        return Quaternion(w: w * ka + b.w * kb, x: x * ka + b.x * kb, y: y * ka + b.y * kb, z: z * ka + b.z * kb)
    }

    /// Splits this rotation into a twist about unit `axis` and the remaining swing: `self = swing * twist`.
    /// - Returns: the twist angle in radians (−π…π) and the swing rotation.
    public func swingTwist(axis: Vector3) -> (twist: Double, swing: Quaternion) {
        let p = Vector3(x, y, z).dot(axis)
        var twist = Quaternion(w: w, x: axis.x * p, y: axis.y * p, z: axis.z * p)
        let n = (twist.w * twist.w + p * p).squareRoot()
        guard n > 1e-9 else { return (.pi, self * Quaternion(axis: axis, angle: .pi).inverse) }
        twist = twist.normalized
        var angle = 2 * atan2(p / n, twist.w)
        if angle > .pi { angle -= 2 * .pi } else if angle < -.pi { angle += 2 * .pi }
        return (angle, self * twist.inverse)
    }
}
