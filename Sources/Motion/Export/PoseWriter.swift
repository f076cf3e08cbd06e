import Foundation

/// Writes an ``AnimationTrack`` as a `.pose` file, the binary format of pose-format and sign.mt (spec version 0.2).
///
/// One person, one component `SIGNANCHOR_<RIG>` whose points are the rig's joints (forward kinematics of each
/// frame) and whose limbs join each joint to its parent. Points are `XYZC` in millimetres in image orientation:
/// x to the viewer's right (the avatar's left), y down, z away from the viewer, offset so every value is positive
/// in a 2000 mm cube centred on the avatar's pelvis height; confidence is 1.
///
/// Layout (little-endian): header `f32 version, u16 width, height, depth, u16 components`, per component
/// `str name, str format, u16 points, limbs, colours, str points…, (u16, u16) limbs…, (u16 r, g, b) colours…`;
/// body `f32 fps, u32 frames, u16 people`, then `f32 data[frames][people][points][3]`, `f32 confidence[frames][people][points]`.
/// A `str` is a u16 byte count and UTF-8 bytes.
public enum PoseWriter {
    /// The file's bytes.
    public static func document(_ track: AnimationTrack, rig: Rig) throws -> Data {
        guard track.jointNames == rig.joints.map(\.name) else {
            throw MotionError.badExport(path: ".pose", reason: "the track is for rig '\(track.rigName)', not '\(rig.name)'")
        }
        var out = Data()
        func u16(_ value: Int) { withUnsafeBytes(of: UInt16(clamping: value).littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ value: Double) { withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        func string(_ text: String) { u16(text.utf8.count); out.append(contentsOf: text.utf8) }

        f32(0.2)
        u16(2000); u16(2000); u16(2000)
        u16(1)
        string("SIGNANCHOR_" + rig.name.uppercased())
        string("XYZC")
        let limbs = rig.joints.enumerated().compactMap { index, joint in joint.parent.map { ($0, index) } }
        u16(rig.joints.count); u16(limbs.count); u16(1)
        rig.joints.forEach { string($0.name) }
        limbs.forEach { u16($0.0); u16($0.1) }
        u16(230); u16(190); u16(160)

        f32(track.fps)
        withUnsafeBytes(of: UInt32(track.frames.count).littleEndian) { out.append(contentsOf: $0) }
        u16(1)
        let center = rig.bindPositions[0].y
        for index in track.frames.indices {
            for p in rig.forward(track.pose(index)).positions {
                f32(1000 + p.x * 1000)
                f32(1000 - (p.y - center) * 1000)
                f32(1000 - p.z * 1000)
            }
        }
        for _ in track.frames.indices { rig.joints.forEach { _ in f32(1) } }
        return out
    }
}
