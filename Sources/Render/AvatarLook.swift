import AnchorCore
import Foundation
import Motion

/// How the avatar is drawn over a rig: colours, a capsule per limb, ellipsoids for the head, palms, face parts,
/// with face parts moved and scaled by the rig's face controls. Read from a `.look` file in `Rigs/`
/// (docs/avatar-look.md), so the avatar's appearance is data a designer edits without touching Swift.
public struct AvatarLook: Sendable, Equatable {
    /// A capsule from a joint to each of its children (or to its end point), tapering from `radiusStart` to `radiusEnd` (metres).
    public struct Limb: Sendable, Equatable {
        public var joint: Int
        public var radiusStart: Float
        public var radiusEnd: Float
        public var color: Vec3
    }

    /// A control's effect on a blob: `value × offset` added to the centre (metres, joint frame) and
    /// radii multiplied by `1 + value × (scale − 1)` per axis.
    public struct Drive: Sendable, Equatable {
        public var control: Int
        public var offset: Vec3
        public var scale: Vec3
    }

    /// An ellipsoid fixed to a joint: centre and radii in the joint's frame, metres.
    public struct Blob: Sendable, Equatable {
        public var joint: Int
        public var center: Vec3
        public var radii: Vec3
        public var color: Vec3
        public var drives: [Drive]
    }

    /// Capsules, one per `limb` line.
    public var limbs: [Limb]
    /// Ellipsoids, one per `blob` line.
    public var blobs: [Blob]
}

extension AvatarLook {
    /// Reads and validates a look for `rig`.
    /// - Throws: ``RenderError/invalidLook(path:line:message:)`` naming the line and what is wrong.
    public static func load(path: String, rig: Rig) throws -> AvatarLook {
        guard let data = FileManager.default.contents(atPath: path) else { throw RenderError.cannotRead(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RenderError.invalidLook(path: path, line: 0, message: "not UTF-8 text")
        }
        return try parse(text, path: path, rig: rig)
    }

    /// Parses look text; `path` is only used in error messages.
    public static func parse(_ text: String, path: String, rig: Rig) throws -> AvatarLook {
        var colors: [String: Vec3] = [:]
        var look = AvatarLook(limbs: [], blobs: [])
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let keyword = fields.first else { continue }
            func fail(_ message: String) -> RenderError { .invalidLook(path: path, line: number + 1, message: message) }
            func numbers(_ range: Range<Int>) throws -> [Float] {
                guard fields.count >= range.upperBound else { throw fail("'\(keyword)' needs \(range.upperBound - 1) values") }
                return try fields[range].map {
                    guard let value = Float($0), value.isFinite else { throw fail("'\($0)' is not a number") }
                    return value
                }
            }
            func joint(_ name: String) throws -> Int {
                guard let index = rig.jointIndex(name) else { throw fail("rig '\(rig.name)' has no joint '\(name)'") }
                return index
            }
            func color(_ name: String) throws -> Vec3 {
                guard let value = colors[name] else { throw fail("colour '\(name)' is not defined above") }
                return value
            }
            switch keyword {
            case "colour", "color":
                let rgb = try numbers(2..<5)
                guard fields.count == 5, rgb.allSatisfy({ (0...1).contains($0) }) else { throw fail("colour NAME R G B with values 0–1") }
                colors[fields[1]] = Vec3(rgb[0], rgb[1], rgb[2])
            case "limb":
                let radii = try numbers(2..<4)
                guard fields.count == 5, radii.allSatisfy({ $0 > 0 && $0 < 0.5 }) else { throw fail("limb JOINT R0 R1 COLOUR, radii in metres") }
                look.limbs.append(Limb(joint: try joint(fields[1]), radiusStart: radii[0], radiusEnd: radii[1], color: try color(fields[4])))
            case "blob":
                let values = try numbers(2..<8)
                guard fields.count >= 9, values[3...].allSatisfy({ $0 > 0 && $0 < 0.5 }) else {
                    throw fail("blob JOINT X Y Z RX RY RZ COLOUR [move|grow CONTROL X Y Z]…")
                }
                var blob = Blob(joint: try joint(fields[1]), center: Vec3(values[0], values[1], values[2]),
                                radii: Vec3(values[3], values[4], values[5]), color: try color(fields[8]), drives: [])
                var rest = fields[9...]
                while !rest.isEmpty {
                    let words = Array(rest.prefix(5))
                    guard words.count == 5, ["move", "grow"].contains(words[0]) else { throw fail("expected 'move|grow CONTROL X Y Z'") }
                    guard let control = rig.controls.firstIndex(where: { $0.name == words[1] }) else {
                        throw fail("rig '\(rig.name)' has no face control '\(words[1])'")
                    }
                    let xyz = try words[2...].map { (word: String) -> Float in
                        guard let value = Float(word), value.isFinite else { throw fail("'\(word)' is not a number") }
                        return value
                    }
                    let vector = Vec3(xyz[0], xyz[1], xyz[2])
                    blob.drives.append(words[0] == "move"
                        ? Drive(control: control, offset: vector, scale: Vec3(repeating: 1))
                        : Drive(control: control, offset: .zero, scale: vector))
                    rest = rest.dropFirst(5)
                }
                look.blobs.append(blob)
            case "mirror":
                guard fields.count == 3 else { throw fail("mirror FROM-SUFFIX TO-SUFFIX") }
                look.mirror(from: fields[1], to: fields[2], rig: rig)
            default:
                throw fail("unknown keyword '\(keyword)' (expected colour, limb, blob or mirror)")
            }
        }
        guard !look.limbs.isEmpty || !look.blobs.isEmpty else {
            throw RenderError.invalidLook(path: path, line: 0, message: "no limb or blob lines")
        }
        return look
    }
}

extension AvatarLook {
    /// Adds the mirror image (x negated) of every limb and blob on a joint whose name ends in `from`,
    /// on the joint ending in `to` instead, as the rig's own `mirror` line does for joints.
    mutating func mirror(from: String, to: String, rig: Rig) {
        func twin(_ joint: Int) -> Int? {
            let name = rig.joints[joint].name
            guard name.hasSuffix(from) else { return nil }
            return rig.jointIndex(String(name.dropLast(from.count)) + to)
        }
        let flip = Vec3(-1, 1, 1)
        limbs += limbs.compactMap { limb in twin(limb.joint).map { Limb(joint: $0, radiusStart: limb.radiusStart, radiusEnd: limb.radiusEnd, color: limb.color) } }
        blobs += blobs.compactMap { blob in
            twin(blob.joint).map {
                Blob(joint: $0, center: blob.center * flip, radii: blob.radii, color: blob.color,
                     drives: blob.drives.map { Drive(control: $0.control, offset: $0.offset * flip, scale: $0.scale) })
            }
        }
    }
}
