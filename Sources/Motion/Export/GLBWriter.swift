import Foundation

/// Writes an ``AnimationTrack`` as binary glTF 2.0 (`.glb`): the rig as a node hierarchy, a skinned mesh, and the
/// animation, for 3D engines (Blender, three.js, Unity, Unreal).
///
/// With a ``GLBBody`` the mesh is the avatar's own (the human body with its materials and the 52 ARKit face units as
/// morph targets, animated with the face: mouthing, brows, eyes). Without one it is a stand-in: a box along each bone,
/// bound rigidly to its joint, so the file shows the motion in any viewer; engines retarget the skeleton onto their
/// own characters. Units are metres, +Y up, +Z forward — glTF's own convention, which the rig already uses.
public enum GLBWriter {
    /// The file's bytes.
    public static func document(_ track: AnimationTrack, rig: Rig, body: GLBBody? = nil) throws -> Data {
        guard track.jointNames == rig.joints.map(\.name) else {
            throw MotionError.badExport(path: ".glb", reason: "the track is for rig '\(track.rigName)', not '\(rig.name)'")
        }
        if let body {
            guard body.mesh.bindPositions.count == rig.joints.count, body.colors.count == body.mesh.parts.count,
                  body.morphWeights.count == track.frames.count,
                  body.morphWeights.allSatisfy({ $0.count == body.mesh.morphTargets.count }) else {
                throw MotionError.badExport(path: ".glb", reason: "the body does not match the rig or the track")
            }
        }
        var builder = GLTFBuilder()
        builder.document.nodes = skeleton(rig)
        let mesh = body.map { builder.addMesh($0, rig: rig) } ?? builder.addMesh(BoneBoxes(rig: rig), rig: rig)
        builder.addAnimation(track, joints: rig.joints.count, morphWeights: body.map { (node: mesh, weights: $0.morphWeights) })
        builder.document.scenes = [GLTFDocument.Scene(nodes: [0, mesh])]
        return try builder.glb()
    }

    /// One node per joint in the bind pose (identity rotations), the root placed absolutely, children by parent.
    static func skeleton(_ rig: Rig) -> [GLTFDocument.Node] {
        let bind = rig.bindPositions
        var nodes = rig.joints.enumerated().map { index, joint in
            let t = joint.parent == nil ? bind[index] : joint.offset
            return GLTFDocument.Node(name: joint.name, translation: [t.x, t.y, t.z])
        }
        for (index, joint) in rig.joints.enumerated() {
            guard let parent = joint.parent else { continue }
            nodes[parent].children = (nodes[parent].children ?? []) + [index]
        }
        return nodes
    }
}

/// The avatar's stand-in mesh: a box from each joint to its first child (or its end point), weighted fully to that joint.
struct BoneBoxes {
    /// Vertex positions, x y z per vertex (metres, bind pose).
    var positions: [Double] = []
    /// The joint of each vertex, four per vertex (the first used, weight 1).
    var joints: [UInt16] = []
    /// Triangle corners, three per triangle.
    var indices: [UInt32] = []

    var vertexCount: Int { positions.count / 3 }

    init(rig: Rig) {
        let bind = rig.bindPositions
        for (index, joint) in rig.joints.enumerated() {
            let child = rig.joints.firstIndex { $0.parent == index }
            guard let tip = child.map({ bind[$0] }) ?? joint.end.map({ bind[index] + $0 }) else { continue }
            addBox(from: bind[index], to: tip, joint: index)
        }
    }

    private mutating func addBox(from: Vector3, to tip: Vector3, joint: Int) {
        let axis = tip - from, length = axis.length
        guard length > 1e-4 else { return }
        let w = axis / length, helper = abs(w.y) < 0.9 ? Vector3.unitY : Vector3.unitX
        let u = helper.cross(w).normalized, v = w.cross(u)
        let half = max(0.006, min(0.05, length * 0.18))
        let base = UInt32(vertexCount)
        for end in [from, tip] {
            for (su, sv) in [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)] {
                let p = end + u * (su * half) + v * (sv * half)
                positions += [p.x, p.y, p.z]
                joints += [UInt16(joint), 0, 0, 0]
            }
        }
        // Six faces, two triangles each, over corners 0–3 (at the joint) and 4–7 (at the tip).
        let faces: [[UInt32]] = [[0, 1, 2, 3], [7, 6, 5, 4], [0, 4, 5, 1], [1, 5, 6, 2], [2, 6, 7, 3], [3, 7, 4, 0]]
        for f in faces { indices += [f[0], f[1], f[2], f[0], f[2], f[3]].map { base + $0 } }
    }
}

/// A glTF document and its binary buffer being filled, then packed as a .glb container.
struct GLTFBuilder {
    var document = GLTFDocument()
    var binary = Data()

    /// The .glb container's constants: magic "glTF", version, chunk types "JSON" and "BIN\0" (little-endian).
    static let magic: UInt32 = 0x4654_6C67, version: UInt32 = 2
    static let jsonChunk: UInt32 = 0x4E4F_534A, binaryChunk: UInt32 = 0x004E_4942

    /// Appends `bytes` as a buffer view (4-byte aligned) and an accessor over it; returns the accessor's index.
    mutating func accessor(_ bytes: Data, count: Int, type: GLTFDocument.ElementType, component: GLTFDocument.ComponentType,
                           target: GLTFDocument.BufferTarget? = nil, bounds: (min: [Double], max: [Double])? = nil) -> Int {
        pad()
        document.bufferViews.append(.init(buffer: 0, byteOffset: binary.count, byteLength: bytes.count, target: target))
        binary.append(bytes)
        document.accessors.append(.init(bufferView: document.bufferViews.count - 1, componentType: component, count: count,
                                        type: type, min: bounds?.min, max: bounds?.max))
        return document.accessors.count - 1
    }

    /// A float accessor over `values`, `type` elements each.
    mutating func floats(_ values: [Double], type: GLTFDocument.ElementType, count: Int, target: GLTFDocument.BufferTarget? = nil,
                         bounds: (min: [Double], max: [Double])? = nil) -> Int {
        accessor(Self.littleEndian(values.map { Float($0).bitPattern }), count: count, type: type, component: .float,
                 target: target, bounds: bounds)
    }

    /// The avatar's mesh: shared vertex accessors, one primitive per material, the morph targets as sparse accessors
    /// named in `extras.targetNames`, the skin; returns the index of the node that holds them.
    mutating func addMesh(_ body: GLBBody, rig: Rig) -> Int {
        let mesh = body.mesh, count = mesh.positions.count
        let flat = mesh.positions.flatMap { [Double($0.x), Double($0.y), Double($0.z)] }
        let position = floats(flat, type: .vec3, count: count, target: .arrayBuffer, bounds: Self.bounds(flat, width: 3))
        let normal = floats(mesh.normals.flatMap { [Double($0.x), Double($0.y), Double($0.z)] }, type: .vec3, count: count,
                            target: .arrayBuffer)
        let joints = accessor(Self.littleEndian(mesh.joints.flatMap { [$0.x, $0.y, $0.z, $0.w] }), count: count, type: .vec4,
                              component: .unsignedShort, target: .arrayBuffer)
        let weights = floats(mesh.weights.flatMap { [Double($0.x), Double($0.y), Double($0.z), Double($0.w)] }, type: .vec4,
                             count: count, target: .arrayBuffer)
        let targets = mesh.morphTargets.map { target in
            GLTFDocument.TargetAttributes(position: sparseOffsets(target, vertexCount: count))
        }
        let attributes = GLTFDocument.Attributes(position: position, normal: normal, joints: joints, weights: weights)
        var primitives: [GLTFDocument.Primitive] = []
        var materials: [GLTFDocument.Material] = []
        for (part, color) in zip(mesh.parts, body.colors) where !part.triangles.isEmpty {
            let indices = accessor(Self.littleEndian(part.triangles.flatMap { [$0.x, $0.y, $0.z] }), count: part.triangles.count * 3,
                                   type: .scalar, component: .unsignedInt, target: .elementArrayBuffer)
            materials.append(.init(name: part.material, pbrMetallicRoughness: .init(
                baseColorFactor: [Double(color.x), Double(color.y), Double(color.z), 1], metallicFactor: 0, roughnessFactor: 0.6)))
            primitives.append(.init(attributes: attributes, indices: indices, material: materials.count - 1,
                                    targets: targets.isEmpty ? nil : targets))
        }
        document.materials = materials
        document.meshes.append(.init(name: rig.name, primitives: primitives,
                                     weights: targets.isEmpty ? nil : [Double](repeating: 0, count: targets.count),
                                     extras: targets.isEmpty ? nil : .init(targetNames: mesh.morphTargets.map(\.name))))
        // Bound where the mesh was bound (the renderer skins with these too; the rig's joints are within 5 mm).
        addSkin(bind: mesh.bindPositions.map { Vector3(Double($0.x), Double($0.y), Double($0.z)) }, meshName: rig.name)
        return document.nodes.count - 1
    }

    /// A morph target's position offsets as a sparse accessor over `vertexCount` zero offsets.
    private mutating func sparseOffsets(_ target: SkinnedMesh.MorphTarget, vertexCount: Int) -> Int {
        // A target that moves nothing is all zeros: an accessor without a buffer view (sparse needs at least one).
        guard !target.vertices.isEmpty else {
            document.accessors.append(.init(componentType: .float, count: vertexCount, type: .vec3, min: [0, 0, 0], max: [0, 0, 0]))
            return document.accessors.count - 1
        }
        pad()
        document.bufferViews.append(.init(buffer: 0, byteOffset: binary.count, byteLength: target.vertices.count * 4))
        binary.append(Self.littleEndian(target.vertices))
        let indexView = document.bufferViews.count - 1
        let values = target.offsets.flatMap { [$0.x.bitPattern, $0.y.bitPattern, $0.z.bitPattern] }
        document.bufferViews.append(.init(buffer: 0, byteOffset: binary.count, byteLength: values.count * 4))
        binary.append(Self.littleEndian(values))
        // Bounds of the accessor after substitution: the vertices the target leaves are 0.
        var bounds = Self.bounds(target.offsets.flatMap { [Double($0.x), Double($0.y), Double($0.z)] }, width: 3)
        if target.vertices.count < vertexCount { bounds = (bounds.min.map { min($0, 0) }, bounds.max.map { max($0, 0) }) }
        document.accessors.append(.init(componentType: .float, count: vertexCount, type: .vec3, min: bounds.min, max: bounds.max,
                                        sparse: .init(count: target.vertices.count,
                                                      indices: .init(bufferView: indexView, componentType: .unsignedInt),
                                                      values: .init(bufferView: indexView + 1))))
        return document.accessors.count - 1
    }

    /// The skin over every rig joint (inverse bind matrices translate by minus the joint's bind position `bind`, in
    /// rig order: the bind pose has no rotation) and the node holding the last mesh with it.
    private mutating func addSkin(bind: [Vector3], meshName: String) {
        let inverseBind = floats(bind.flatMap { p in [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p.x, -p.y, -p.z, 1] },
                                 type: .mat4, count: bind.count)
        document.skins.append(.init(joints: Array(bind.indices), inverseBindMatrices: inverseBind, skeleton: 0))
        document.nodes.append(.init(name: meshName, mesh: document.meshes.count - 1, skin: document.skins.count - 1))
    }

    /// The stand-in mesh's accessors, the mesh and skin, and the node that holds them; returns that node's index.
    mutating func addMesh(_ boxes: BoneBoxes, rig: Rig) -> Int {
        let count = boxes.vertexCount
        let position = floats(boxes.positions, type: .vec3, count: count, target: .arrayBuffer, bounds: Self.bounds(boxes.positions, width: 3))
        let joints = accessor(Self.littleEndian(boxes.joints), count: count, type: .vec4, component: .unsignedShort, target: .arrayBuffer)
        let weights = floats((0..<count).flatMap { _ in [1.0, 0, 0, 0] }, type: .vec4, count: count, target: .arrayBuffer)
        let indices = accessor(Self.littleEndian(boxes.indices), count: boxes.indices.count, type: .scalar,
                               component: .unsignedInt, target: .elementArrayBuffer)
        let attributes = GLTFDocument.Attributes(position: position, joints: joints, weights: weights)
        document.meshes.append(.init(primitives: [.init(attributes: attributes, indices: indices)]))
        addSkin(bind: rig.bindPositions, meshName: "\(rig.name)-mesh")
        return document.nodes.count - 1
    }

    /// The animation: every joint's local rotation per frame (x y z w), the root's translation, and when given the
    /// morph target weights of the mesh on node `morphWeights.node` (one row per frame).
    mutating func addAnimation(_ track: AnimationTrack, joints: Int, morphWeights: (node: Int, weights: [[Float]])? = nil) {
        let times = track.frames.indices.map { Double($0) / track.fps }
        let input = floats(times, type: .scalar, count: times.count, bounds: ([times.first ?? 0], [times.last ?? 0]))
        var samplers: [GLTFDocument.Sampler] = [], channels: [GLTFDocument.Channel] = []
        func channel(_ values: [Double], _ type: GLTFDocument.ElementType, node: Int, path: GLTFDocument.Path) {
            samplers.append(.init(input: input, output: floats(values, type: type, count: times.count), interpolation: .linear))
            channels.append(.init(sampler: samplers.count - 1, target: .init(node: node, path: path)))
        }
        for index in 0..<joints {
            let rotations = track.frames.flatMap { frame in
                let q = frame.rotations[index].normalized
                return [q.x, q.y, q.z, q.w]
            }
            channel(rotations, .vec4, node: index, path: .rotation)
        }
        channel(track.frames.flatMap { [$0.rootPosition.x, $0.rootPosition.y, $0.rootPosition.z] }, .vec3, node: 0, path: .translation)
        if let morphWeights, let first = morphWeights.weights.first, !first.isEmpty {
            // A weights sampler's output holds (frames × targets) scalars.
            let values = morphWeights.weights.flatMap { $0.map(Double.init) }
            samplers.append(.init(input: input, output: floats(values, type: .scalar, count: values.count), interpolation: .linear))
            channels.append(.init(sampler: samplers.count - 1, target: .init(node: morphWeights.node, path: .weights)))
        }
        document.animations.append(.init(name: track.spans.map(\.gloss).joined(separator: " "), samplers: samplers, channels: channels))
    }

    /// The .glb file: a 12-byte header, the JSON chunk (space-padded) and the binary chunk (zero-padded).
    mutating func glb() throws -> Data {
        pad()
        document.buffers = [.init(byteLength: binary.count)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var json = try encoder.encode(document)
        while json.count % 4 != 0 { json.append(0x20) }
        var glb = Data()
        let words: [UInt32] = [Self.magic, Self.version, UInt32(12 + 8 + json.count + 8 + binary.count), UInt32(json.count), Self.jsonChunk]
        glb.append(Self.littleEndian(words))
        glb.append(json)
        glb.append(Self.littleEndian([UInt32(binary.count), Self.binaryChunk]))
        glb.append(binary)
        return glb
    }

    private mutating func pad() {
        while binary.count % 4 != 0 { binary.append(0) }
    }

    /// Per-column minimum and maximum of `values` in rows of `width`, as the stored 32-bit floats round them.
    static func bounds(_ values: [Double], width: Int) -> (min: [Double], max: [Double]) {
        let columns = (0..<width).map { c in stride(from: c, to: values.count, by: width).map { Double(Float(values[$0])) } }
        return (columns.map { $0.min() ?? 0 }, columns.map { $0.max() ?? 0 })
    }

    /// Integers as little-endian bytes.
    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> Data {
        var data = Data(capacity: values.count * MemoryLayout<T>.size)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }
}
