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
        var binary = Data()
        var views: [[String: Any]] = [], accessors: [[String: Any]] = []
        /// Appends `bytes` as a buffer view and an accessor over it; returns the accessor's index.
        func accessor(_ bytes: Data, count: Int, type: String, component: Int, target: Int? = nil,
                      bounds: (min: [Double], max: [Double])? = nil) -> Int {
            while binary.count % 4 != 0 { binary.append(0) }
            var view: [String: Any] = ["buffer": 0, "byteOffset": binary.count, "byteLength": bytes.count]
            if let target { view["target"] = target }
            views.append(view)
            binary.append(bytes)
            var entry: [String: Any] = ["bufferView": views.count - 1, "componentType": component, "count": count, "type": type]
            if let bounds { entry["min"] = bounds.min; entry["max"] = bounds.max }
            accessors.append(entry)
            return accessors.count - 1
        }
        func floats(_ values: [Double]) -> Data {
            var data = Data(capacity: values.count * 4)
            for v in values { withUnsafeBytes(of: Float(v).bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            return data
        }
        func bounds(_ values: [Double], width: Int) -> (min: [Double], max: [Double]) {
            let columns = (0..<width).map { c in stride(from: c, to: values.count, by: width).map { Double(Float(values[$0])) } }
            return (columns.map { $0.min() ?? 0 }, columns.map { $0.max() ?? 0 })
        }

        // Skeleton: one node per joint, bind pose (identity rotations), children by parent.
        let bind = rig.bindPositions
        var nodes: [[String: Any]] = rig.joints.enumerated().map { index, joint in
            let t = joint.parent == nil ? bind[index] : joint.offset
            return ["name": joint.name, "translation": [t.x, t.y, t.z]]
        }
        for (index, joint) in rig.joints.enumerated() {
            guard let parent = joint.parent else { continue }
            nodes[parent]["children"] = (nodes[parent]["children"] as? [Int] ?? []) + [index]
        }

        // Mesh: a box from each joint to its first child (or its end point), weighted fully to that joint.
        var positions: [Double] = [], jointIndices: [UInt16] = [], indices: [UInt32] = []
        for (index, joint) in rig.joints.enumerated() {
            let child = rig.joints.firstIndex { $0.parent == index }
            guard let tip = child.map({ bind[$0] }) ?? joint.end.map({ bind[index] + $0 }) else { continue }
            let from = bind[index], axis = tip - from, length = axis.length
            guard length > 1e-4 else { continue }
            let w = axis / length, helper = abs(w.y) < 0.9 ? Vector3.unitY : Vector3.unitX
            let u = helper.cross(w).normalized, v = w.cross(u)
            let half = max(0.006, min(0.05, length * 0.18))
            let base = UInt32(positions.count / 3)
            for end in [from, tip] {
                for (su, sv) in [(-1.0, -1.0), (1, -1), (1, 1), (-1, 1)] {
                    let p = end + u * (su * half) + v * (sv * half)
                    positions += [p.x, p.y, p.z]
                    jointIndices += [UInt16(index), 0, 0, 0]
                }
            }
            // Six faces, two triangles each, over corners 0–3 (at the joint) and 4–7 (at the tip).
            let faces: [[UInt32]] = [[0, 1, 2, 3], [7, 6, 5, 4], [0, 4, 5, 1], [1, 5, 6, 2], [2, 6, 7, 3], [3, 7, 4, 0]]
            for f in faces { indices += [f[0], f[1], f[2], f[0], f[2], f[3]].map { base + $0 } }
        }
        let vertexCount = positions.count / 3
        let positionAccessor = accessor(floats(positions), count: vertexCount, type: "VEC3", component: 5126, target: 34962,
                                        bounds: bounds(positions, width: 3))
        let jointsAccessor = accessor(Data(jointIndices.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }),
                                      count: vertexCount, type: "VEC4", component: 5123, target: 34962)
        let weights: [Double] = (0..<vertexCount).flatMap { _ -> [Double] in [1, 0, 0, 0] }
        let weightsAccessor = accessor(floats(weights), count: vertexCount, type: "VEC4", component: 5126, target: 34962)
        let indexAccessor = accessor(Data(indices.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }),
                                     count: indices.count, type: "SCALAR", component: 5125, target: 34963)
        // Inverse bind matrices (column-major): the bind pose only translates, so each is a translation by −position.
        let inverseBind = bind.flatMap { p -> [Double] in [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p.x, -p.y, -p.z, 1] }
        let inverseBindAccessor = accessor(floats(inverseBind), count: bind.count, type: "MAT4", component: 5126)
        nodes.append(["name": "\(rig.name)-mesh", "mesh": 0, "skin": 0])

        // Animation: every joint's local rotation per frame, and the root's translation.
        let times = track.frames.indices.map { Double($0) / track.fps }
        let timeAccessor = accessor(floats(times), count: times.count, type: "SCALAR", component: 5126,
                                    bounds: ([times.first ?? 0], [times.last ?? 0]))
        var samplers: [[String: Any]] = [], channels: [[String: Any]] = []
        for index in rig.joints.indices {
            let rotations = track.frames.flatMap { frame in
                let q = frame.rotations[index].normalized
                return [q.x, q.y, q.z, q.w]
            }
            samplers.append(["input": timeAccessor, "output": accessor(floats(rotations), count: times.count, type: "VEC4", component: 5126),
                             "interpolation": "LINEAR"])
            channels.append(["sampler": samplers.count - 1, "target": ["node": index, "path": "rotation"]])
        }
        let roots = track.frames.flatMap { [$0.rootPosition.x, $0.rootPosition.y, $0.rootPosition.z] }
        samplers.append(["input": timeAccessor, "output": accessor(floats(roots), count: times.count, type: "VEC3", component: 5126),
                         "interpolation": "LINEAR"])
        channels.append(["sampler": samplers.count - 1, "target": ["node": 0, "path": "translation"]])

        while binary.count % 4 != 0 { binary.append(0) }
        let document: [String: Any] = [
            "asset": ["version": "2.0", "generator": "SignAnchor"],
            "scene": 0,
            "scenes": [["nodes": [0, nodes.count - 1]]],
            "nodes": nodes,
            "meshes": [["primitives": [["attributes": ["POSITION": positionAccessor, "JOINTS_0": jointsAccessor,
                                                       "WEIGHTS_0": weightsAccessor], "indices": indexAccessor]]]],
            "skins": [["joints": Array(rig.joints.indices), "inverseBindMatrices": inverseBindAccessor, "skeleton": 0]],
            "animations": [["name": track.spans.map(\.gloss).joined(separator: " "), "samplers": samplers, "channels": channels]],
            "buffers": [["byteLength": binary.count]],
            "bufferViews": views,
            "accessors": accessors,
        ]
        var json = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        while json.count % 4 != 0 { json.append(0x20) }
        var glb = Data()
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { glb.append(contentsOf: $0) } }
        u32(0x4654_6C67); u32(2); u32(12 + 8 + json.count + 8 + binary.count)
        u32(json.count); u32(0x4E4F_534A); glb.append(json)
        u32(binary.count); u32(0x004E_4942); glb.append(binary)
        return glb
    }
}
