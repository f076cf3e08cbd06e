import Foundation

extension AnimationTrack {
    /// Reads an animation written by ``JSONLinesWriter`` (`.jsonl`) or as the track's JSON (`.json`).
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` naming the file, and the line for JSON Lines.
    public static func read(path: String) throws -> AnimationTrack {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MotionError.cannotRead(path: path, reason: "no such file or not readable")
        }
        if path.lowercased().hasSuffix(".json") {
            let track: AnimationTrack
            do { track = try JSONDecoder().decode(AnimationTrack.self, from: data) } catch {
                throw MotionError.cannotRead(path: path, reason: "not an animation track JSON (\(error))")
            }
            try track.check(path: path)
            return track
        }
        let track = try jsonLines(data, path: path)
        try track.check(path: path)
        return track
    }

    /// Checks what a hand-edited or damaged file can get wrong: the frame rate, frames of another size than the
    /// joint and control lists, non-finite or absurd numbers (which would make the avatar vanish), gloss spans
    /// outside the timeline.
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` naming the file and the first problem.
    func check(path: String) throws {
        func fail(_ reason: String) -> MotionError { MotionError.cannotRead(path: path, reason: reason) }
        guard fps.isFinite, fps > 0, fps <= 1000 else { throw fail("fps must be above 0 and at most 1000, not \(fps)") }
        guard !frames.isEmpty else { throw fail("no frames") }
        for (index, frame) in frames.enumerated() {
            guard frame.rotations.count == jointNames.count, frame.controls.count == controlNames.count else {
                throw fail("frame \(index) has \(frame.rotations.count) rotations and \(frame.controls.count) controls for "
                           + "\(jointNames.count) joints and \(controlNames.count) controls")
            }
            let root = [frame.rootPosition.x, frame.rootPosition.y, frame.rootPosition.z]
            guard root.allSatisfy({ $0.isFinite && abs($0) <= 1000 }) else { throw fail("frame \(index): root position out of range") }
            guard frame.controls.allSatisfy({ $0.isFinite && abs($0) <= 1000 }) else { throw fail("frame \(index): control value out of range") }
            for rotation in frame.rotations {
                let parts = [rotation.w, rotation.x, rotation.y, rotation.z]
                let length = parts.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard parts.allSatisfy({ $0.isFinite }), length > 1e-6, abs(length - 1) < 1e-3 else {
                    throw fail("frame \(index): a rotation is not a unit quaternion")
                }
            }
        }
        for span in spans {
            guard span.start.isFinite, span.end.isFinite, span.start >= 0, span.end >= span.start, span.end <= 48 * 3600 else {
                throw fail("gloss '\(span.gloss)' has an impossible time span (\(span.start) to \(span.end) s)")
            }
        }
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
            // Written rotations are unit quaternions; huge or zero ones would normalise to nothing.
            guard frame.rotations.allSatisfy({ $0.allSatisfy { $0.isFinite && abs($0) <= 2 } }) else {
                throw MotionError.cannotRead(path: path, reason: "\(place): frame \(frame.index) has a rotation that is not a unit quaternion")
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
