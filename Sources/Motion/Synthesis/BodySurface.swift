/// The rig's skin samples (``Rig/surface``) ready for queries: each joint's samples in cells of its own bind-pose
/// frame, so a query moves one point into the joint's frame instead of moving every sample into the world.
///
/// A sphere is inside the skin by how far its centre is from a sample, along that sample's outward normal, short of
/// its radius: the nearest sample that the centre is roughly straight in front of or behind (within 45° of its
/// normal), as in the mesh measure the tests use (`MeshPenetration`). Beside a thin part (the nose, an ear) a sample's
/// normal points elsewhere; in a crease (where the neck meets the chest) the nearest sample may be on the other face.
struct BodySurface: Sendable {
    /// Cell side, metres: the 3 × 3 × 3 cells round a point hold every sample within this distance of it, so a sphere
    /// of up to this radius is measured against all the samples it can reach.
    static let cell = 0.03

    /// The samples that move with one joint.
    private struct Part: Sendable {
        let joint: Int
        /// Samples by cell, positions relative to the joint (bind pose) with their outward normals.
        let cells: [SIMD3<Int32>: [(offset: Vector3, normal: Vector3)]]
        /// A sphere (relative to the joint) holding every sample: a query farther than this skips the part.
        let centre: Vector3, reach: Double
    }

    private let parts: [Part]

    /// True when the rig has no skin samples (a rig not measured on a mesh).
    var isEmpty: Bool { parts.isEmpty }

    /// Groups `rig`'s samples by joint.
    init(rig: Rig) {
        var byJoint: [Int: [(offset: Vector3, normal: Vector3)]] = [:]
        for sample in rig.surface { byJoint[sample.joint, default: []].append((sample.offset, sample.normal)) }
        parts = byJoint.keys.sorted().map { joint in
            let samples = byJoint[joint]!
            var cells: [SIMD3<Int32>: [(offset: Vector3, normal: Vector3)]] = [:]
            for sample in samples { cells[Self.key(sample.offset), default: []].append(sample) }
            let centre = samples.reduce(Vector3.zero) { $0 + $1.offset } * (1 / Double(samples.count))
            let reach = samples.map { ($0.offset - centre).length }.max() ?? 0
            return Part(joint: joint, cells: cells, centre: centre, reach: reach)
        }
    }

    private static func key(_ p: Vector3) -> SIMD3<Int32> {
        SIMD3(Int32((p.x / cell).rounded(.down)), Int32((p.y / cell).rounded(.down)), Int32((p.z / cell).rounded(.down)))
    }

    /// How far the sphere at `centre` (world, metres) with `radius` (at most ``cell``) is inside the skin in `world`,
    /// and the world direction out of it: the deepest over the joints' samples; depth 0 when it is outside.
    func penetration(_ centre: Vector3, radius: Double, world: WorldPose) -> (depth: Double, way: Vector3) {
        var deepest = (depth: 0.0, way: Vector3.zero)
        for part in parts {
            let orientation = world.orientations[part.joint]
            let local = orientation.inverse * (centre - world.positions[part.joint])
            guard (local - part.centre).length <= part.reach + radius else { continue }
            let home = Self.key(local)
            // The nearest sample the centre is straight in front of or behind (within 45° of its normal).
            var nearest: (distance: Double, height: Double, normal: Vector3)?
            for dx: Int32 in -1...1 {
                for dy: Int32 in -1...1 {
                    for dz: Int32 in -1...1 {
                        for sample in part.cells[home &+ SIMD3(dx, dy, dz)] ?? [] {
                            let offset = local - sample.offset
                            let distance = offset.length
                            let height = offset.dot(sample.normal)  // signed: negative behind the skin
                            guard abs(height) >= 0.707 * distance, nearest == nil || distance < nearest!.distance else { continue }
                            nearest = (distance, height, sample.normal)
                        }
                    }
                }
            }
            guard let nearest else { continue }
            let height = nearest.height
            let depth = radius - height
            if depth > deepest.depth { deepest = (depth, orientation * nearest.normal) }
        }
        return deepest
    }
}
