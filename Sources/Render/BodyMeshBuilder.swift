import Foundation
import Motion

/// Poses a look's skinned body for the rasteriser: face units from the face controls (morph targets, in the bind
/// pose) and the eyeballs turned by the gaze, then linear-blend skinning by the joints, `v' = Σ wₖ (Rₖ (v − bₖ) + pₖ)`
/// with each joint's world rotation R, bind position b and posed position p; normals turn with the same blend. While
/// any face unit is on, the whole mesh's normals are recomputed (area-weighted, as the converter made the file's, so
/// shading does not jump when mouthing starts; about a millisecond a frame).
///
/// Set up once per look: each material part gets its own copy of the vertices it uses (so colours meet at a sharp
/// edge, as the materials do), and triangles entirely below `cutHeight` in the bind pose (the legs, out of the
/// picture) are left out.
struct BodyMeshBuilder: Sendable {
    let body: AvatarLook.MeshBody
    /// Mesh vertex of each drawn vertex.
    private let source: [Int32]
    /// Colour of each drawn vertex.
    private let colors: [Vec3]
    /// Triangles over the drawn vertices.
    private let triangles: [SIMD3<UInt32>]
    /// Mesh vertices that are drawn (only those are skinned).
    let used: [Int32]
    /// Each eyeball's vertices and centre (bind pose), turned by the gaze.
    private let eyeballs: [(vertices: [Int32], center: Vec3)]

    /// Prepares `body` for drawing; `cutHeight` is metres (bind pose).
    init(body: AvatarLook.MeshBody, cutHeight: Float) {
        self.body = body
        let mesh = body.mesh
        var source: [Int32] = [], colors: [Vec3] = [], triangles: [SIMD3<UInt32>] = []
        var usedMask = [Bool](repeating: false, count: mesh.positions.count)
        for (part, color) in zip(mesh.parts, body.partColors) {
            var local = [Int32: UInt32]()
            func vertex(_ v: UInt32) -> UInt32 {
                if let known = local[Int32(v)] { return known }
                let index = UInt32(source.count)
                local[Int32(v)] = index
                source.append(Int32(v)); colors.append(color); usedMask[Int(v)] = true
                return index
            }
            for t in part.triangles where [t.x, t.y, t.z].contains(where: { mesh.positions[Int($0)].y >= cutHeight }) {
                triangles.append(SIMD3(vertex(t.x), vertex(t.y), vertex(t.z)))
            }
        }
        self.source = source
        self.colors = colors
        self.triangles = triangles
        // The eyes' vertices, one ball each side of the face (x < 0 is the avatar's right).
        var eyeballs: [(vertices: [Int32], center: Vec3)] = []
        if let eyes = body.eyes {
            let parts = mesh.parts.filter { eyes.parts.contains($0.material) }
            let vertices = Set(parts.flatMap { $0.triangles.flatMap { [Int32($0.x), Int32($0.y), Int32($0.z)] } })
            for side in [vertices.filter { mesh.positions[Int($0)].x < 0 }, vertices.filter { mesh.positions[Int($0)].x >= 0 }]
            where !side.isEmpty {
                let sorted = side.sorted()
                // The ball's centre: the middle of its extent (the visible front is denser than the back).
                let points = sorted.map { mesh.positions[Int($0)] }
                let low = points.reduce(points[0]) { pointwiseMin($0, $1) }, high = points.reduce(points[0]) { pointwiseMax($0, $1) }
                eyeballs.append((sorted, (low + high) / 2))
            }
        }
        self.eyeballs = eyeballs
        used = usedMask.indices.filter { usedMask[$0] }.map(Int32.init)
    }

    /// The drawn triangle mesh in `pose` (world space, metres).
    func mesh(_ pose: AvatarPose) -> Mesh {
        let (skinnedPositions, skinnedNormals) = posed(pose)
        var out = Mesh()
        out.positions = source.map { skinnedPositions[Int($0)] }
        out.normals = source.map { skinnedNormals[Int($0)] }
        out.colors = colors
        out.triangles = triangles
        return out
    }

    /// The mesh's vertices and unit normals in `pose`, parallel to the mesh's own (zero for vertices never drawn).
    func posed(_ pose: AvatarPose) -> (positions: [Vec3], normals: [Vec3]) {
        let mesh = body.mesh
        var positions = mesh.positions, normals = mesh.normals
        let weights = unitWeights(pose.controls)
        if weights.contains(where: { $0 != 0 }) {
            for (target, weight) in zip(mesh.morphTargets, weights) where weight != 0 {
                for (v, offset) in zip(target.vertices, target.offsets) { positions[Int(v)] += offset * weight }
            }
            normals = SkinnedMesh.vertexNormals(positions, parts: mesh.parts)
        }
        turnEyes(&positions, &normals, controls: pose.controls)
        // Each joint's rotation as three columns and its translation: v' = R v + (p − R b).
        let transforms = pose.rotations.indices.map { j -> (Vec3, Vec3, Vec3, Vec3) in
            let r = pose.rotations[j]
            let x = Vec3(r * .unitX), y = Vec3(r * .unitY), z = Vec3(r * .unitZ)
            let b = j < mesh.bindPositions.count ? mesh.bindPositions[j] : .zero
            return (x, y, z, Vec3(pose.positions[j]) - (x * b.x + y * b.y + z * b.z))
        }
        var skinnedPositions = [Vec3](repeating: .zero, count: positions.count)
        var skinnedNormals = [Vec3](repeating: .zero, count: positions.count)
        for v32 in used {
            let v = Int(v32)
            let p = positions[v], n = normals[v], joints = mesh.joints[v], w = mesh.weights[v]
            var outP = Vec3.zero, outN = Vec3.zero
            for k in 0..<4 where w[k] > 0 {
                let (x, y, z, t) = transforms[Int(joints[k])]
                outP += (x * p.x + y * p.y + z * p.z + t) * w[k]
                outN += (x * n.x + y * n.y + z * n.z) * w[k]
            }
            skinnedPositions[v] = outP
            skinnedNormals[v] = outN.normalized
        }
        return (skinnedPositions, skinnedNormals)
    }

    /// Turns the eyeballs about their centres (bind pose, before skinning): pitched up, then yawed about +y towards
    /// the avatar's left.
    private func turnEyes(_ positions: inout [Vec3], _ normals: inout [Vec3], controls: [Double]) {
        guard let eyes = body.eyes, !eyeballs.isEmpty else { return }
        func value(_ control: Int) -> Float { control < controls.count ? Float(controls[control]) : 0 }
        let yaw = value(eyes.yaw.control) * eyes.yaw.degrees * .pi / 180
        let pitch = value(eyes.pitch.control) * eyes.pitch.degrees * .pi / 180
        guard yaw != 0 || pitch != 0 else { return }
        // Pitch about −x (+z turns towards +y), then yaw about +y (+z turns towards +x, the avatar's left).
        let (sy, cy, sp, cp) = (sin(yaw), cos(yaw), sin(pitch), cos(pitch))
        func turn(_ v: Vec3) -> Vec3 {
            let pitched = Vec3(v.x, v.y * cp + v.z * sp, -v.y * sp + v.z * cp)
            return Vec3(pitched.x * cy + pitched.z * sy, pitched.y, -pitched.x * sy + pitched.z * cy)
        }
        for (vertices, center) in eyeballs {
            for v32 in vertices {
                let v = Int(v32)
                positions[v] = center + turn(positions[v] - center)
                normals[v] = turn(normals[v])
            }
        }
    }

    /// The weight of each morph target (clamped to 0–1) from the face controls through the look's `face` lines.
    func unitWeights(_ controls: [Double]) -> [Float] {
        var weights = [Float](repeating: 0, count: body.mesh.morphTargets.count)
        for drive in body.faceDrives where drive.control < controls.count {
            let value = Float(controls[drive.control])
            let amount: Float = switch drive.side {
            case .both: value
            case .positive: max(0, value)
            case .negative: max(0, -value)
            }
            guard amount != 0 else { continue }
            for unit in drive.units { weights[unit.target] += amount * unit.weight }
        }
        return weights.map { min(1, max(0, $0)) }
    }
}
