import Foundation

/// A triangle mesh skinned to a rig's joints, with morph targets (the face units): the avatar's body as its `.glb`
/// holds it (docs/avatar-mesh.md). Positions are in the rig's bind pose, metres, +X the avatar's left, +Y up, +Z forward.
public struct SkinnedMesh: Sendable {
    /// Triangles drawn in one material; `material` names a colour of the avatar's look.
    public struct Part: Sendable, Equatable {
        /// The material's name.
        public var material: String
        /// Vertex index triples, counter-clockwise seen from outside.
        public var triangles: [SIMD3<UInt32>]
    }

    /// A morph target: offsets (metres, bind pose) of the vertices it moves, added × its weight.
    public struct MorphTarget: Sendable, Equatable {
        /// Its name (the ARKit face unit names: `jawOpen`, `eyeBlinkLeft`, …).
        public var name: String
        /// The vertices it moves.
        public var vertices: [UInt32]
        /// Their offsets, parallel to `vertices`.
        public var offsets: [SIMD3<Float>]
    }

    /// Bind-pose vertex positions, metres.
    public var positions: [SIMD3<Float>]
    /// Unit vertex normals in the bind pose.
    public var normals: [SIMD3<Float>]
    /// Up to four rig joint indices per vertex (unused slots have weight 0).
    public var joints: [SIMD4<UInt16>]
    /// Their weights, summing to 1.
    public var weights: [SIMD4<Float>]
    /// The triangles, one part per material.
    public var parts: [Part]
    /// The morph targets, each by name.
    public var morphTargets: [MorphTarget]
    /// For each rig joint, its bind position as the mesh was skinned (minus the inverse bind matrix's translation).
    public var bindPositions: [SIMD3<Float>]

    /// The morph target called `name`, if any.
    public func morphTarget(named name: String) -> Int? { morphTargets.firstIndex { $0.name == name } }

    /// Area-weighted unit vertex normals of `positions` over `parts`' triangles (smooth shading).
    public static func vertexNormals(_ positions: [SIMD3<Float>], parts: [Part]) -> [SIMD3<Float>] {
        var normals = [SIMD3<Float>](repeating: .zero, count: positions.count)
        for part in parts {
            for t in part.triangles {
                let a = positions[Int(t.x)], b = positions[Int(t.y)], c = positions[Int(t.z)]
                let u = b - a, v = c - a
                // The cross product's length is twice the area: larger triangles weigh more.
                let n = SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
                normals[Int(t.x)] += n; normals[Int(t.y)] += n; normals[Int(t.z)] += n
            }
        }
        return normals.map(unit)
    }

    /// `n` scaled to length 1; +z for a zero vector (a vertex of degenerate triangles only).
    static func unit(_ n: SIMD3<Float>) -> SIMD3<Float> {
        let length = (n * n).sum().squareRoot()
        return length > 0 ? n / length : SIMD3(0, 0, 1)
    }
}
