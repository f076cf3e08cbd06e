import Foundation

/// A 3D vector in the rig's frame: +X is the avatar's left, +Y up, +Z forward (the glTF convention), in metres.
public struct Vector3: Sendable, Equatable, Codable, Hashable {
    /// Components, in metres for positions and unitless for directions.
    public var x, y, z: Double

    /// Creates a vector from its components.
    public init(_ x: Double, _ y: Double, _ z: Double) {
        self.x = x; self.y = y; self.z = z
    }

    /// The zero vector.
    public static let zero = Vector3(0, 0, 0)
    /// Unit vectors along the axes.
    public static let unitX = Vector3(1, 0, 0), unitY = Vector3(0, 1, 0), unitZ = Vector3(0, 0, 1)

    /// Component `i` (0 = x, 1 = y, 2 = z).
    public subscript(i: Int) -> Double {
        get { i == 0 ? x : i == 1 ? y : z }
        set { if i == 0 { x = newValue } else if i == 1 { y = newValue } else { z = newValue } }
    }

    /// Component-wise arithmetic and scaling.
    public static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    public static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    public static prefix func - (a: Vector3) -> Vector3 { Vector3(-a.x, -a.y, -a.z) }
    public static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    public static func * (s: Double, a: Vector3) -> Vector3 { a * s }
    public static func / (a: Vector3, s: Double) -> Vector3 { Vector3(a.x / s, a.y / s, a.z / s) }
    public static func += (a: inout Vector3, b: Vector3) { a = a + b }

    /// Dot product.
    public func dot(_ b: Vector3) -> Double { x * b.x + y * b.y + z * b.z }
    /// Cross product (right-handed).
    public func cross(_ b: Vector3) -> Vector3 { Vector3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    /// Euclidean length.
    public var length: Double { dot(self).squareRoot() }
    /// The unit vector in the same direction, or zero for a (near) zero vector.
    public var normalized: Vector3 { let l = length; return l > 1e-12 ? self / l : .zero }
    /// Distance to `b`.
    public func distance(to b: Vector3) -> Double { (self - b).length }
    /// Linear interpolation: `self` at t = 0, `b` at t = 1.
    public func lerp(to b: Vector3, _ t: Double) -> Vector3 { self + (b - self) * t }
    /// The part of `self` perpendicular to the unit vector `n`.
    public func rejecting(_ n: Vector3) -> Vector3 { self - n * dot(n) }
    /// Reflection through the body's mid-sagittal plane (x → −x): left and right sides swap.
    public var mirrored: Vector3 { Vector3(-x, y, z) }
    /// Any unit vector perpendicular to `self` (which must be non-zero).
    public var anyPerpendicular: Vector3 {
        let n = normalized
        let helper = abs(n.x) < 0.9 ? Vector3.unitX : Vector3.unitY
        return n.cross(helper).normalized
    }
}
