import Foundation

extension AnimationTrack {
    /// Reads an animation written by ``JSONLinesWriter`` (`.jsonl`) or as the track's JSON (`.json`).
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` naming the file, and the line for JSON Lines.
    public static func read(path: String) throws -> AnimationTrack {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MotionError.cannotRead(path: path, reason: "no such file or not readable")
        }
        if path.lowercased().hasSuffix(".json") {
            do { return try JSONDecoder().decode(AnimationTrack.self, from: data) } catch {
                throw MotionError.cannotRead(path: path, reason: "not an animation track JSON (\(error))")
            }
        }
        return try jsonLines(data, path: path)
    }

    /// Parses the JSON Lines stream format: a header line, then one line per frame in order.
    static func jsonLines(_ data: Data, path: String) throws -> AnimationTrack {
        struct Header: Decodable {
            let type: String, fps: Double, rig: String, joints: [String], controls: [String], spans: [GlossSpan]
        }
        struct Line: Decodable {
            let type: String, index: Int, root: [Double], rotations: [[Double]], controls: [Double]
        }
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)), header.type == "header" else {
            throw MotionError.cannotRead(path: path, reason: "line 1: not a SignAnchor animation header")
        }
        var frames: [Frame] = []
        frames.reserveCapacity(lines.count - 1)
        for (number, line) in lines.dropFirst().enumerated() {
            let place = "line \(number + 2)"
            guard let frame = try? decoder.decode(Line.self, from: Data(line)), frame.type == "frame" else {
                throw MotionError.cannotRead(path: path, reason: "\(place): not a frame")
            }
            guard frame.index == frames.count, frame.root.count == 3, frame.rotations.count == header.joints.count,
                  frame.rotations.allSatisfy({ $0.count == 4 }), frame.controls.count == header.controls.count else {
                throw MotionError.cannotRead(path: path, reason: "\(place): frame \(frame.index) does not match the header")
            }
            frames.append(Frame(rootPosition: Vector3(frame.root[0], frame.root[1], frame.root[2]),
                                rotations: frame.rotations.map { Quaternion(w: $0[0], x: $0[1], y: $0[2], z: $0[3]).normalized },
                                controls: frame.controls))
        }
        guard header.fps > 0, !frames.isEmpty else { throw MotionError.cannotRead(path: path, reason: "no frames") }
        return AnimationTrack(fps: header.fps, rigName: header.rig, jointNames: header.joints, controlNames: header.controls,
                              frames: frames, spans: header.spans)
    }
}
