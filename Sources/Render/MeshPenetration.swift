import Motion

/// How far the hands go into the body and into each other in a pose, measured on the skinned mesh (not on the
/// rig's colliders): a hand vertex's depth is how far it lies behind the surface of the nearest vertex of the other
/// part, along that vertex's normal. Signs touch the body, so a few millimetres are contact, not penetration.
public struct MeshPenetration: Sendable, Equatable {
    /// Deepest hand vertex inside the torso, neck or head, metres (0 when none is inside).
    public var handInBody: Float
    /// Deepest vertex of the right hand inside the left hand or forearm, metres.
    public var handInHand: Float
}

extension AvatarGeometry {
    /// The hands' penetration in `pose`, nil for a look without a mesh. Depths beyond 3 cm are found only in part (a
    /// whole hand inside the chest): the nearest surface vertex is searched in the 3 cm cells around the point.
    public func penetration(_ pose: AvatarPose) -> MeshPenetration? {
        guard let body = meshBuilder else { return nil }
        let (positions, normals) = body.posed(pose)
        // Worked out per call: the measure is a diagnostic, not worth a pass over the mesh at every start-up.
        let parts = body.vertexParts(rig: rig)
        var groups: [BodyPart: [Int]] = [:]
        for v32 in body.used {
            let v = Int(v32)
            if let part = parts[v] { groups[part, default: []].append(v) }
        }
        let bodySurface = SurfaceGrid(vertices: groups[.trunk] ?? [], positions: positions, normals: normals)
        // The other hand with its forearm: the hand's skin ends at the wrist, so a point in the forearm just past it
        // would otherwise read as deep inside the hand (its nearest hand vertices face the wrong way).
        let leftSurface = SurfaceGrid(vertices: (groups[.leftHand] ?? []) + (groups[.leftForearm] ?? []), positions: positions, normals: normals)
        var inBody: Float = 0, inHand: Float = 0
        for side in [BodyPart.rightHand, .leftHand] {
            for v in groups[side] ?? [] {
                inBody = max(inBody, bodySurface.depth(of: positions[v]))
                if side == .rightHand { inHand = max(inHand, leftSurface.depth(of: positions[v])) }
            }
        }
        return MeshPenetration(handInBody: inBody, handInHand: inHand)
    }
}

/// The parts whose contact the penetration measure checks: a vertex belongs to the part of its heaviest joint.
enum BodyPart: Hashable {
    case rightHand, leftHand, leftForearm, trunk
}

extension BodyMeshBuilder {
    /// Each mesh vertex's part (nil for the upper arms, the right forearm and the legs: an upper arm resting on the
    /// side is not penetration; the left forearm is measured against the right hand only).
    func vertexParts(rig: Rig) -> [BodyPart?] {
        let parts: [BodyPart?] = rig.joints.map { joint in
            let name = joint.name
            let digits = ["thumb", "index", "middle", "ring", "pinky", "hand"]
            if digits.contains(where: name.hasPrefix) { return name.hasSuffix("_r") ? .rightHand : .leftHand }
            if ["spine", "neck", "head"].contains(where: name.hasPrefix) { return .trunk }
            if name == "forearm_l" { return .leftForearm }
            return nil
        }
        let mesh = body.mesh
        return mesh.joints.indices.map { v in
            let w = mesh.weights[v]
            let heaviest = (0..<4).max { w[$0] < w[$1] } ?? 0
            return parts[Int(mesh.joints[v][heaviest])]
        }
    }
}

/// Surface vertices in 3 cm cells, for the nearest one to a point.
struct SurfaceGrid {
    private let cell: Float = 0.03
    private var cells: [SIMD3<Int32>: [(Vec3, Vec3)]] = [:]

    init(vertices: [Int], positions: [Vec3], normals: [Vec3]) {
        for v in vertices { cells[key(positions[v]), default: []].append((positions[v], normals[v])) }
    }

    private func key(_ p: Vec3) -> SIMD3<Int32> {
        SIMD3(Int32((p.x / cell).rounded(.down)), Int32((p.y / cell).rounded(.down)), Int32((p.z / cell).rounded(.down)))
    }

    /// How far `point` lies behind the surface at its nearest vertex (along that vertex's outward normal); 0 in front.
    /// Only a point roughly straight behind that vertex counts (within 45° of the inward normal): beside a thin part
    /// (a finger, a hand's edge) or in a hollow between fingers, the nearest vertex's normal points elsewhere.
    func depth(of point: Vec3) -> Float {
        let center = key(point)
        var best: (distance: Float, depth: Float)?
        for dx in -1...1 {
            for dy in -1...1 {
                for dz in -1...1 {
                    for (p, n) in cells[center &+ SIMD3(Int32(dx), Int32(dy), Int32(dz))] ?? [] {
                        let offset = point - p
                        let distance = offset.dot(offset)
                        if best == nil || distance < best!.distance {
                            let behind = -offset.dot(n)
                            best = (distance, behind > 0.707 * distance.squareRoot() ? behind : 0)
                        }
                    }
                }
            }
        }
        return max(0, best?.depth ?? 0)
    }
}
