import Foundation
@testable import Motion
import Testing
import TestSupport

@Suite("BVH and JSON Lines exports")
struct ExportTests {
    /// An independent BVH reader (matrices, not Motion's quaternions) recomputes joint positions from the file.
    @Test func bvhReadsBackToTheSamePositions() throws {
        let rig = Fixtures.rig
        let (track, _) = try Animator(avatar: Fixtures.avatar).animate([.sign(try Fixtures.sign("HALLO.sigml"))], fps: 30)
        let text = BVHWriter.document(track, rig: rig)
        let bvh = try MiniBVH(text)
        #expect(bvh.frames.count == track.frames.count)
        #expect(abs(bvh.frameTime - 1.0 / 30) < 1e-6)
        #expect(bvh.names == rig.joints.map(\.name) || Set(bvh.names) == Set(rig.joints.map(\.name)))
        var worst = 0.0
        for f in stride(from: 0, to: track.frames.count, by: 7) {
            let positions = bvh.positions(frame: f)
            let world = rig.forward(track.pose(f))
            for (name, p) in positions { worst = max(worst, (p / 100).distance(to: world.positions[rig.jointIndex(name)!])) }
        }
        #expect(worst < 1e-4)
    }

    @Test func jsonLinesHasOneFramePerLine() throws {
        let (track, _) = try Animator(avatar: Fixtures.avatar).animate([.sign(try Fixtures.sign("BOEK.sigml"))], fps: 25)
        let lines = try JSONLinesWriter.document(track).split(separator: "\n")
        #expect(lines.count == track.frames.count + 1)
        let header = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(header?["type"] as? String == "header")
        #expect((header?["joints"] as? [String])?.count == Fixtures.rig.joints.count)
        let frame = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect((frame?["rotations"] as? [[Double]])?.count == Fixtures.rig.joints.count)
    }

    /// Both written forms read back into the same track (JSON Lines to 5 decimals).
    @Test func tracksReadBack() throws {
        let (track, _) = try Animator(avatar: Fixtures.avatar).animate([.sign(try Fixtures.sign("HALLO.sigml"))], fps: 25)
        let folder = try TestFiles.temporaryFolder()
        let json = folder.appendingPathComponent("t.json").path, lines = folder.appendingPathComponent("t.jsonl").path
        try JSONEncoder().encode(track).write(to: URL(fileURLWithPath: json))
        try Data(JSONLinesWriter.document(track).utf8).write(to: URL(fileURLWithPath: lines))
        #expect(try AnimationTrack.read(path: json) == track)
        let streamed = try AnimationTrack.read(path: lines)
        #expect(streamed.frames.count == track.frames.count && streamed.spans == track.spans)
        #expect(zip(streamed.frames, track.frames).allSatisfy { a, b in zip(a.rotations, b.rotations).allSatisfy { $0.angle(to: $1) < 1e-4 } })
        #expect(throws: MotionError.self) { try AnimationTrack.read(path: folder.appendingPathComponent("none.json").path) }
    }
}

/// A small BVH parser and forward-kinematics evaluator written only from the BVH format description.
struct MiniBVH {
    struct Node { var name: String; var parent: Int?; var offset: Vector3; var channels: [String] }
    var nodes: [Node] = []
    var frames: [[Double]] = []
    var frameTime = 0.0
    var names: [String] { nodes.map(\.name) }

    init(_ text: String) throws {
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)[...]
        var stack: [Int?] = []
        var current: Int?
        var inEnd = false
        while let t = tokens.popFirst(), t != "MOTION" {
            switch t {
            case "ROOT", "JOINT":
                nodes.append(Node(name: tokens.popFirst()!, parent: current, offset: .zero, channels: []))
                current = nodes.count - 1
            case "End": _ = tokens.popFirst(); inEnd = true
            case "{": stack.append(inEnd ? nil : current)
            case "}":
                let closed = stack.popLast()!
                if closed == nil { inEnd = false } else { current = nodes[closed!].parent }
            case "OFFSET":
                let v = Vector3(Double(tokens.popFirst()!)!, Double(tokens.popFirst()!)!, Double(tokens.popFirst()!)!)
                if !inEnd { nodes[current!].offset = v }
            case "CHANNELS":
                let n = Int(tokens.popFirst()!)!
                nodes[current!].channels = (0..<n).map { _ in tokens.popFirst()! }
            default: continue
            }
        }
        _ = tokens.popFirst()                     // Frames:
        let count = Int(tokens.popFirst()!)!
        _ = tokens.popFirst(); _ = tokens.popFirst()  // Frame Time:
        frameTime = Double(tokens.popFirst()!)!
        let perFrame = nodes.reduce(0) { $0 + $1.channels.count }
        for _ in 0..<count { frames.append((0..<perFrame).map { _ in Double(tokens.popFirst()!)! }) }
    }

    /// World positions (file units) of every joint in frame `f`, by 3×3 matrices.
    func positions(frame f: Int) -> [String: Vector3] {
        typealias M = [[Double]]
        func mul(_ a: M, _ b: M) -> M { (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(0) { $0 + a[i][$1] * b[$1][j] } } } }
        func apply(_ m: M, _ v: Vector3) -> Vector3 {
            Vector3(m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z, m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
                    m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z)
        }
        func rot(_ axis: Character, _ degrees: Double) -> M {
            let c = cos(degrees * .pi / 180), s = sin(degrees * .pi / 180)
            switch axis {
            case "X": return [[1, 0, 0], [0, c, -s], [0, s, c]]
            case "Y": return [[c, 0, s], [0, 1, 0], [-s, 0, c]]
            default: return [[c, -s, 0], [s, c, 0], [0, 0, 1]]
            }
        }
        var values = frames[f][...]
        var world: [(M, Vector3)] = []
        var out: [String: Vector3] = [:]
        for node in nodes {
            var local: M = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
            var translation = node.offset
            for channel in node.channels {
                let v = values.popFirst()!
                if channel.hasSuffix("position") {
                    translation[channel.first == "X" ? 0 : channel.first == "Y" ? 1 : 2] = v
                } else { local = mul(local, rot(channel.first!, v)) }
            }
            let entry: (M, Vector3)
            if let p = node.parent { entry = (mul(world[p].0, local), world[p].1 + apply(world[p].0, translation)) } else { entry = (local, translation) }
            world.append(entry)
            out[node.name] = entry.1
        }
        return out
    }
}
