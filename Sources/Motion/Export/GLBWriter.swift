import Foundation

/// Writes an ``AnimationTrack`` as binary glTF 2.0 (`.glb`): the rig as a node hierarchy, a skinned mesh, and the
/// animation, for 3D engines (Blender, three.js, Unity, Unreal).
///
/// The mesh is a simple one: a box along each bone, bound rigidly to its joint, so the file shows the motion in any
/// viewer; engines retarget the skeleton onto their own characters. Face controls are not in the file (use JSON Lines).
/// Units are metres, +Y up, +Z forward — glTF's own convention, which the rig already uses.
public enum GLBWriter {
    /// The file's bytes.
    public static func document(_ track: AnimationTrack, rig: Rig) throws -> Data {
        guard track.jointNames == rig.joints.map(\.name) else {
            throw MotionError.badExport(path: ".glb", reason: "the track is for rig '\(track.rigName)', not '\(rig.name)'")
        }
        var builder = GLTFBuilder()
        builder.document.nodes = skeleton(rig)
        let mesh = builder.addMesh(BoneBoxes(rig: rig), rig: rig)
        builder.addAnimation(track, joints: rig.joints.count)
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

    /// The mesh's accessors, the mesh and skin, and the node that holds them; returns that node's index.
    mutating func addMesh(_ boxes: BoneBoxes, rig: Rig) -> Int {
        let count = boxes.vertexCount
        let position = floats(boxes.positions, type: .vec3, count: count, target: .arrayBuffer, bounds: Self.bounds(boxes.positions, width: 3))
        let joints = accessor(Self.littleEndian(boxes.joints), count: count, type: .vec4, component: .unsignedShort, target: .arrayBuffer)
        let weights = floats((0..<count).flatMap { _ in [1.0, 0, 0, 0] }, type: .vec4, count: count, target: .arrayBuffer)
        let indices = accessor(Self.littleEndian(boxes.indices), count: boxes.indices.count, type: .scalar,
                               component: .unsignedInt, target: .elementArrayBuffer)
        // Inverse bind matrices (column-major): the bind pose only translates, so each is a translation by −position.
        let bind = rig.bindPositions
        let inverseBind = floats(bind.flatMap { p in [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p.x, -p.y, -p.z, 1] },
                                 type: .mat4, count: bind.count)
        let attributes = GLTFDocument.Attributes(position: position, joints: joints, weights: weights)
        document.meshes.append(.init(primitives: [.init(attributes: attributes, indices: indices)]))
        document.skins.append(.init(joints: Array(rig.joints.indices), inverseBindMatrices: inverseBind, skeleton: 0))
        document.nodes.append(.init(name: "\(rig.name)-mesh", mesh: document.meshes.count - 1, skin: document.skins.count - 1))
        return document.nodes.count - 1
    }

    /// The animation: every joint's local rotation per frame (x y z w), and the root's translation.
    mutating func addAnimation(_ track: AnimationTrack, joints: Int) {
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
