import Foundation

/// Writes an ``AnimationTrack`` as Biovision Hierarchy (BVH) text: the rig's skeleton in centimetres, each joint's
/// rotation channels in its Euler order (degrees, first channel outermost), the root with three position channels.
public enum BVHWriter {
    /// Centimetres per metre (BVH files are conventionally in centimetres).
    static let scale = 100.0

    /// The BVH document for `track` on `rig`.
    public static func document(_ track: AnimationTrack, rig: Rig) -> String {
        var out = "HIERARCHY\n"
        let children = Dictionary(grouping: rig.joints.indices.filter { rig.joints[$0].parent != nil }) { rig.joints[$0].parent! }
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        func channels(_ joint: Joint) -> String {
            let a = joint.order.axes
            return [a.0, a.1, a.2].map { ["X", "Y", "Z"][$0] + "rotation" }.joined(separator: " ")
        }
        func write(_ index: Int, depth: Int) {
            let joint = rig.joints[index]
            let pad = String(repeating: "  ", count: depth)
            let o = joint.offset * scale
            out += "\(pad)\(joint.parent == nil ? "ROOT" : "JOINT") \(joint.name)\n\(pad){\n"
            out += "\(pad)  OFFSET \(f(joint.parent == nil ? 0 : o.x)) \(f(joint.parent == nil ? 0 : o.y)) \(f(joint.parent == nil ? 0 : o.z))\n"
            out += joint.parent == nil ? "\(pad)  CHANNELS 6 Xposition Yposition Zposition \(channels(joint))\n" : "\(pad)  CHANNELS 3 \(channels(joint))\n"
            let kids = children[index] ?? []
            for child in kids { write(child, depth: depth + 1) }
            if kids.isEmpty {
                let e = (joint.end ?? .zero) * scale
                out += "\(pad)  End Site\n\(pad)  {\n\(pad)    OFFSET \(f(e.x)) \(f(e.y)) \(f(e.z))\n\(pad)  }\n"
            }
            out += "\(pad)}\n"
        }
        write(0, depth: 0)
        out += "MOTION\nFrames: \(track.frames.count)\nFrame Time: \(String(format: "%.6f", 1 / track.fps))\n"
        let order = depthFirst(rig, children: children)
        for frame in track.frames {
            var values: [String] = []
            let root = frame.rootPosition * scale
            values += [f(root.x), f(root.y), f(root.z)]
            for index in order {
                let joint = rig.joints[index]
                let angles = joint.order.angles(frame.rotations[index]) * (180 / .pi)
                let a = joint.order.axes
                values += [angles[a.0], angles[a.1], angles[a.2]].map(f)
            }
            out += values.joined(separator: " ") + "\n"
        }
        return out
    }

    /// Joint indices in the order the hierarchy lists them.
    private static func depthFirst(_ rig: Rig, children: [Int: [Int]]) -> [Int] {
        var out: [Int] = []
        func visit(_ i: Int) { out.append(i); for c in children[i] ?? [] { visit(c) } }
        visit(0)
        return out
    }
}
