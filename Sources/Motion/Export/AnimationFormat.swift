import AnchorCore
import Foundation

/// The file formats an ``AnimationTrack`` is exported in, named by their file extension.
public enum AnimationFormat: String, Sendable, CaseIterable {
    /// Biovision hierarchy (``BVHWriter``).
    case bvh
    /// JSON Lines for streaming (``JSONLinesWriter``).
    case jsonl
    /// The track's own JSON (`Codable`).
    case json
    /// pose-format's binary `.pose` (``PoseWriter``).
    case pose
    /// Binary glTF 2.0 (``GLBWriter``).
    case glb

    /// The format a file name's extension asks for, nil for any other.
    public init?(path: String) {
        self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// The IANA media type, for HTTP responses.
    public var mediaType: String {
        switch self {
        case .bvh: "text/plain; charset=utf-8"
        case .jsonl: "application/jsonl; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .pose: "application/octet-stream"
        case .glb: "model/gltf-binary"
        }
    }

    /// `track` (animated on `rig`) in this format; `.glb` carries `body` when given (the others carry the face as
    /// its control values).
    public func document(_ track: AnimationTrack, rig: Rig, body: GLBBody? = nil) throws -> Data {
        switch self {
        case .bvh: Data(BVHWriter.document(track, rig: rig).utf8)
        case .jsonl: Data(try JSONLinesWriter.document(track).utf8)
        case .json: try JSON.data(track)
        case .pose: try PoseWriter.document(track, rig: rig)
        case .glb: try GLBWriter.document(track, rig: rig, body: body)
        }
    }
}
