import Foundation

/// The order of three rotations about distinct local axes: `q = R_first · R_second · R_third`,
/// so the third axis is applied first (innermost); the BVH channel order lists axes the same way.
public struct EulerOrder: Sendable, Equatable, Codable, Hashable, CustomStringConvertible {
    /// Axis indices (0 = X, 1 = Y, 2 = Z), outermost first.
    public let axes: (Int, Int, Int)

    /// Parses "XYZ", "YZX", … (all six Tait–Bryan orders).
    public init?(_ text: String) {
        let map: [Character: Int] = ["X": 0, "Y": 1, "Z": 2]
        let indices = text.uppercased().compactMap { map[$0] }
        guard indices.count == 3, Set(indices).count == 3 else { return nil }
        axes = (indices[0], indices[1], indices[2])
    }

    /// The letters, such as "XYZ".
    public var description: String { ["X", "Y", "Z"][axes.0] + ["X", "Y", "Z"][axes.1] + ["X", "Y", "Z"][axes.2] }

    /// Orders are equal when their axes are; hashed and coded (as "XYZ" text) the same way.
    public static func == (a: EulerOrder, b: EulerOrder) -> Bool { a.axes == b.axes }
    public func hash(into hasher: inout Hasher) { hasher.combine(axes.0); hasher.combine(axes.1); hasher.combine(axes.2) }
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let order = EulerOrder(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad Euler order \(text)"))
        }
        self = order
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The rotation for angles (radians) about X, Y and Z, composed in this order.
    public func quaternion(_ angles: Vector3) -> Quaternion {
        Quaternion(axisIndex: axes.0, angle: angles[axes.0])
            * Quaternion(axisIndex: axes.1, angle: angles[axes.1])
            * Quaternion(axisIndex: axes.2, angle: angles[axes.2])
    }

    /// Angles (radians, indexed by axis X, Y, Z) with `quaternion(angles) == q`; the middle angle lies in [−π/2, π/2].
    public func angles(_ q: Quaternion) -> Vector3 {
        let (i, j, k) = axes
        let s: Double = (j - i + 3) % 3 == 1 ? 1 : -1   // +1 for cyclic orders (XYZ, YZX, ZXY)
        let m = Self.matrix(q)
        var out = Vector3.zero
        out[j] = asin(max(-1, min(1, s * m[i][k])))
        if abs(s * m[i][k]) < 0.999999 {
            out[i] = atan2(-s * m[j][k], m[k][k])
            out[k] = atan2(-s * m[i][j], m[i][i])
        } else {
            // Gimbal lock: the outer and inner axes coincide; put the whole rotation on the outer one.
            out[i] = atan2(s * m[k][j], m[j][j])
            out[k] = 0
        }
        return out
    }

    /// The 3×3 rotation matrix of `q`, row-major.
    static func matrix(_ q: Quaternion) -> [[Double]] {
        let (w, x, y, z) = (q.w, q.x, q.y, q.z)
        return [[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
                [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
                [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)]]
    }
}
