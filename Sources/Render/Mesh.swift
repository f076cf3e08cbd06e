import Foundation

/// A triangle mesh in world space (metres, y up, the avatar facing +z toward the camera), with per-vertex colour.
///
/// Shading is per vertex (Gouraud), so meshes are built with enough vertices for smooth highlights.
public struct Mesh: Sendable {
    /// Vertex positions in metres.
    public var positions: [Vec3] = []
    /// Unit vertex normals, pointing out of the surface.
    public var normals: [Vec3] = []
    /// Linear-light albedo of each vertex, components 0–1.
    public var colors: [Vec3] = []
    /// Counter-clockwise (seen from outside) vertex index triples.
    public var triangles: [SIMD3<UInt32>] = []

    /// An empty mesh.
    public init() {}

    /// Appends another mesh's vertices and triangles.
    public mutating func append(_ other: Mesh) {
        let offset = UInt32(positions.count)
        positions += other.positions
        normals += other.normals
        colors += other.colors
        triangles += other.triangles.map { $0 &+ SIMD3(repeating: offset) }
    }
}

extension Mesh {
    /// An ellipsoid centred at `center` with semi-axes `radii` along the axes of `basis`
    /// (three orthonormal columns: local x, y, z in world space).
    public static func ellipsoid(center: Vec3, radii: Vec3, basis: (Vec3, Vec3, Vec3) = (Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)),
                                 color: Vec3, rings: Int = 12, segments: Int = 16) -> Mesh {
        var mesh = Mesh()
        mesh.reserve((rings + 1) * (segments + 1))
        let around = circle(segments)
        for ring in 0...rings {
            let theta = Float.pi * Float(ring) / Float(rings) // 0 at +y pole
            let (sinTheta, cosTheta) = (sin(theta), cos(theta))
            for (sinPhi, cosPhi) in around {
                let unit = Vec3(sinTheta * sinPhi, cosTheta, sinTheta * cosPhi)
                let local = unit * radii
                mesh.positions.append(center + basis.0 * local.x + basis.1 * local.y + basis.2 * local.z)
                let n = unit / radii // the normal of an ellipsoid scales inversely with its radii
                mesh.normals.append((basis.0 * n.x + basis.1 * n.y + basis.2 * n.z).normalized)
                mesh.colors.append(color)
            }
        }
        mesh.triangles = gridTriangles(rows: rings, columns: segments)
        return mesh
    }

    /// A capsule (a cylinder with hemispherical ends) from `a` to `b`, radius `radiusA` at `a` tapering to `radiusB`.
    public static func capsule(from a: Vec3, to b: Vec3, radiusA: Float, radiusB: Float, color: Vec3,
                               rings: Int = 6, segments: Int = 14) -> Mesh {
        let axis = b - a
        let length = axis.length
        guard length > 1e-6 else {
            return ellipsoid(center: a, radii: Vec3(repeating: max(radiusA, radiusB)), color: color, rings: rings * 2, segments: segments)
        }
        let w = axis / length
        let helper = abs(w.y) < 0.9 ? Vec3(0, 1, 0) : Vec3(1, 0, 0)
        let u = helper.cross(w).normalized, v = w.cross(u)
        var mesh = Mesh()
        // Profile from the pole behind `a`, around the side, to the pole beyond `b`: (offset along w, radius, normal angle).
        var profile: [(Float, Float, Float)] = []
        for i in 0...rings { // hemisphere at a: angle from -pi/2 to 0
            let angle = -Float.pi / 2 + Float.pi / 2 * Float(i) / Float(rings)
            profile.append((radiusA * sin(angle), radiusA * cos(angle), angle))
        }
        for i in 0...rings { // hemisphere at b: angle from 0 to pi/2
            let angle = Float.pi / 2 * Float(i) / Float(rings)
            profile.append((length + radiusB * sin(angle), radiusB * cos(angle), angle))
        }
        let around = circle(segments)
        mesh.reserve(profile.count * (segments + 1))
        for (along, radius, angle) in profile {
            let (sinAngle, cosAngle) = (sin(angle), cos(angle))
            for (sinPhi, cosPhi) in around {
                let radial = u * cosPhi + v * sinPhi
                mesh.positions.append(a + w * along + radial * radius)
                mesh.normals.append((radial * cosAngle + w * sinAngle).normalized)
                mesh.colors.append(color)
            }
        }
        mesh.triangles = gridTriangles(rows: profile.count - 1, columns: segments)
        return mesh
    }

    /// (sin, cos) of `segments + 1` angles evenly around a circle, the last equal to the first (a seam for the grid).
    private static func circle(_ segments: Int) -> [(Float, Float)] {
        (0...segments).map { let phi = 2 * Float.pi * Float($0) / Float(segments); return (sin(phi), cos(phi)) }
    }

    private mutating func reserve(_ count: Int) {
        positions.reserveCapacity(count)
        normals.reserveCapacity(count)
        colors.reserveCapacity(count)
    }

    /// Triangles joining a (rows+1)×(columns+1) vertex grid, row-major.
    private static func gridTriangles(rows: Int, columns: Int) -> [SIMD3<UInt32>] {
        var triangles: [SIMD3<UInt32>] = []
        triangles.reserveCapacity(rows * columns * 2)
        let stride = columns + 1
        for row in 0..<rows {
            for column in 0..<columns {
                let i = UInt32(row * stride + column), below = i + UInt32(stride)
                triangles.append(SIMD3(i, below, i + 1))
                triangles.append(SIMD3(i + 1, below, below + 1))
            }
        }
        return triangles
    }
}
