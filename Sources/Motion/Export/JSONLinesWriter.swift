import Foundation

/// Writes an ``AnimationTrack`` as JSON Lines for streaming: a header line, then one line per frame.
///
/// Header: `{"type":"header","fps":25,"rig":"adult","joints":[…],"controls":[…],"spans":[…]}`.
/// Frame: `{"type":"frame","index":0,"time":0,"root":[x,y,z],"rotations":[[w,x,y,z],…],"controls":[…]}`
/// (metres, unit quaternions in rig joint order, control values in rig control order).
public enum JSONLinesWriter {
    /// The header line (without newline).
    public static func header(_ track: AnimationTrack) throws -> String {
        struct Header: Encodable {
            let type = "header"
            let fps: Double, rig: String, joints: [String], controls: [String], spans: [AnimationTrack.GlossSpan]
        }
        return try encode(Header(fps: track.fps, rig: track.rigName, joints: track.jointNames,
                                 controls: track.controlNames, spans: track.spans))
    }

    /// The line for frame `index` (without newline).
    public static func frame(_ track: AnimationTrack, index: Int) throws -> String {
        try frame(track.frames[index], index: index, fps: track.fps)
    }

    /// The line for `frame` shown as frame `index` of a stream at `fps` (without newline).
    public static func frame(_ frame: AnimationTrack.Frame, index: Int, fps: Double) throws -> String {
        struct Line: Encodable {
            let type = "frame"
            let index: Int, time: Double, root: [Double], rotations: [[Double]], controls: [Double]
        }
        func r(_ v: Double) -> Double { (v * 1e5).rounded() / 1e5 }
        return try encode(Line(index: index, time: r(Double(index) / fps),
                               root: [frame.rootPosition.x, frame.rootPosition.y, frame.rootPosition.z].map(r),
                               rotations: frame.rotations.map { [$0.w, $0.x, $0.y, $0.z].map(r) },
                               controls: frame.controls.map(r)))
    }

    /// The whole document: header and frames, one per line.
    public static func document(_ track: AnimationTrack) throws -> String {
        var lines = [try header(track)]
        for i in track.frames.indices { lines.append(try frame(track, index: i)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object on one line (sorted keys), for lines of other types in the same stream.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
