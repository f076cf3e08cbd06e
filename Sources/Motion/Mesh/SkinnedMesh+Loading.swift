import Foundation

extension SkinnedMesh {
    /// Reads the skinned mesh of a `.glb` file (the first node with a mesh and a skin) for `rig`: the skin's joints
    /// are matched to the rig's by name, and their bind positions must be the rig's (within `tolerance` metres).
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` naming the file and what is wrong with it.
    public static func load(path: String, rig: Rig, tolerance: Double = 0.005) throws -> SkinnedMesh {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MotionError.cannotRead(path: path, reason: (error as NSError).localizedDescription)
        }
        return try read(GLBReader(data: data, path: path), rig: rig, tolerance: tolerance)
    }

    private static func read(_ file: GLBReader, rig: Rig, tolerance: Double) throws -> SkinnedMesh {
        func fail(_ reason: String) -> MotionError { .cannotRead(path: file.path, reason: reason) }
        let document = file.document
        guard let holder = document.nodes.first(where: { $0.mesh != nil && $0.skin != nil }),
              let meshIndex = holder.mesh, let skinIndex = holder.skin,
              document.meshes.indices.contains(meshIndex), document.skins.indices.contains(skinIndex) else {
            throw fail("no node holds a skinned mesh")
        }
        let gltfMesh = document.meshes[meshIndex], skin = document.skins[skinIndex]

        // Skin joint k → rig joint, by node name; the inverse bind matrices must only translate (our bind pose has
        // no rotation), by minus the rig's bind position.
        let rigBind = rig.bindPositions
        var jointMap: [UInt16] = []
        var bindPositions = rigBind.map { SIMD3<Float>(Float($0.x), Float($0.y), Float($0.z)) }
        guard let inverseBindAccessor = skin.inverseBindMatrices else { throw fail("the skin has no inverse bind matrices") }
        let inverseBind = try file.floats(inverseBindAccessor)
        guard inverseBind.count == skin.joints.count * 16 else { throw fail("the skin has \(skin.joints.count) joints but not as many bind matrices") }
        for (k, node) in skin.joints.enumerated() {
            guard document.nodes.indices.contains(node), let name = document.nodes[node].name,
                  let joint = rig.jointIndex(name) else {
                throw fail("skin joint \(k) is not a joint of rig '\(rig.name)'")
            }
            let m = inverseBind[k * 16..<(k + 1) * 16].map(Double.init)
            let identity: [Double] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]
            guard zip(m[m.startIndex..<m.startIndex + 12], identity).allSatisfy({ abs($0 - $1) < 1e-4 }) else {
                throw fail("joint '\(name)' has a rotated bind pose; the rig's bind pose has none")
            }
            let position = Vector3(-m[m.startIndex + 12], -m[m.startIndex + 13], -m[m.startIndex + 14])
            let distance = position.distance(to: rigBind[joint])
            guard distance <= tolerance else {
                throw fail(String(format: "joint '%@' is bound %.1f mm from where rig '%@' puts it: the mesh was made for another rig",
                                  name, distance * 1000, rig.name))
            }
            bindPositions[joint] = SIMD3(Float(position.x), Float(position.y), Float(position.z))
            jointMap.append(UInt16(joint))
        }

        let names = gltfMesh.extras?.targetNames
        var mesh = SkinnedMesh(positions: [], normals: [], joints: [], weights: [], parts: [], morphTargets: [], bindPositions: bindPositions)
        // Primitives sharing one POSITION accessor share their vertices (as the converter writes them); others add theirs.
        var bases: [Int: UInt32] = [:]
        var hasNormals = true
        for (p, primitive) in gltfMesh.primitives.enumerated() {
            guard (primitive.mode ?? 4) == 4 else { throw fail("primitive \(p) is not triangles (mode \(primitive.mode ?? 4))") }
            let attributes = primitive.attributes
            let base: UInt32
            if let known = bases[attributes.position] {
                base = known
            } else {
                base = UInt32(mesh.positions.count)
                bases[attributes.position] = base
                let added = try addVertices(primitive, file: file, jointMap: jointMap, to: &mesh, names: names)
                hasNormals = hasNormals && added
            }
            guard let indexAccessor = primitive.indices else { throw fail("primitive \(p) has no indices (only indexed triangles are read)") }
            let indices = try file.integers(indexAccessor)
            guard indices.count % 3 == 0 else { throw fail("primitive \(p) has \(indices.count) indices, not whole triangles") }
            let vertexCount = UInt32(mesh.positions.count) - base
            guard indices.allSatisfy({ $0 < vertexCount }) else { throw fail("primitive \(p) indexes a vertex it does not have") }
            var material = "material\(primitive.material ?? 0)"
            if let m = primitive.material, let materials = document.materials, materials.indices.contains(m), let name = materials[m].name {
                material = name
            }
            let triangles = stride(from: 0, to: indices.count, by: 3).map {
                SIMD3(indices[$0] + base, indices[$0 + 1] + base, indices[$0 + 2] + base)
            }
            if let same = mesh.parts.firstIndex(where: { $0.material == material }) {
                mesh.parts[same].triangles += triangles
            } else {
                mesh.parts.append(Part(material: material, triangles: triangles))
            }
        }
        guard !mesh.positions.isEmpty, mesh.parts.contains(where: { !$0.triangles.isEmpty }) else { throw fail("the mesh has no triangles") }
        if !hasNormals { mesh.normals = vertexNormals(mesh.positions, parts: mesh.parts) }
        return mesh
    }

    /// Appends a primitive's vertices (positions, normals, joints mapped to the rig, weights normalised) and its
    /// morph targets' offsets (merged by name with targets already read); returns whether it had normals.
    private static func addVertices(_ primitive: GLTFDocument.Primitive, file: GLBReader, jointMap: [UInt16],
                                    to mesh: inout SkinnedMesh, names: [String]?) throws -> Bool {
        func fail(_ reason: String) -> MotionError { .cannotRead(path: file.path, reason: reason) }
        let attributes = primitive.attributes
        let positions = try triples(file.floats(attributes.position))
        let count = positions.count, base = mesh.positions.count
        let normals = try attributes.normal.map { try triples(file.floats($0)) }
        let joints = try file.integers(attributes.joints), weights = try file.floats(attributes.weights)
        guard joints.count == count * 4, weights.count == count * 4, normals.map({ $0.count == count }) ?? true else {
            throw fail("a primitive's vertex attributes have different lengths")
        }
        for v in 0..<count {
            var w = SIMD4(weights[v * 4], weights[v * 4 + 1], weights[v * 4 + 2], weights[v * 4 + 3])
            let sum = w.sum()
            guard sum > 1e-6, w.min() >= 0 else { throw fail("vertex \(v) has no skin weight (or a negative one)") }
            w /= sum
            var j = SIMD4<UInt16>(repeating: 0)
            for k in 0..<4 {
                guard w[k] > 0 else { continue }
                let skinJoint = Int(joints[v * 4 + k])
                guard jointMap.indices.contains(skinJoint) else { throw fail("vertex \(v) names skin joint \(skinJoint), which the skin does not have") }
                j[k] = jointMap[skinJoint]
            }
            mesh.joints.append(j)
            mesh.weights.append(w)
        }
        mesh.positions += positions
        mesh.normals += normals?.map(unit) ?? [SIMD3<Float>](repeating: SIMD3(0, 0, 1), count: count)

        for (t, target) in (primitive.targets ?? []).enumerated() {
            guard let accessor = target.position else { continue }
            let offsets = try triples(file.floats(accessor))
            guard offsets.count == count else { throw fail("morph target \(t) has \(offsets.count) offsets for \(count) vertices") }
            let name = names.flatMap { $0.indices.contains(t) ? $0[t] : nil } ?? "target\(t)"
            let moved = offsets.indices.filter { offsets[$0] != .zero }
            let index = mesh.morphTarget(named: name) ?? {
                mesh.morphTargets.append(MorphTarget(name: name, vertices: [], offsets: []))
                return mesh.morphTargets.count - 1
            }()
            mesh.morphTargets[index].vertices += moved.map { UInt32(base + $0) }
            mesh.morphTargets[index].offsets += moved.map { offsets[$0] }
        }
        return normals != nil
    }

    /// Rows of three floats as vectors.
    private static func triples(_ values: [Float]) -> [SIMD3<Float>] {
        stride(from: 0, to: values.count - 2, by: 3).map { SIMD3(values[$0], values[$0 + 1], values[$0 + 2]) }
    }
}
