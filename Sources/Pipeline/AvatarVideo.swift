import AnchorCore
import Foundation
import MediaIO
import Motion
import Render

/// How to turn an animation into a video file.
public struct AvatarVideoOptions: Sendable {
    /// Picture size in pixels when the avatar is alone (with an overlay, the source's size is used).
    public var width = 1280, height = 720
    /// Output frame rate; nil takes the animation's (alone) or the source video's (overlay).
    public var frameRate: FrameRate?
    /// Behind the avatar.
    public var background: Background = .studio
    /// The codec; the container follows the output's extension.
    public var codec: VideoCodec = .h264
    /// A source video to composite the avatar onto as picture-in-picture, keeping its length, rate and audio.
    public var overlaySource: String?
    /// Where the inset goes on the source picture.
    public var placement = PictureInPicture()
    /// The inset's height as a fraction of the source's height.
    public var insetScale = 0.45
    /// A media file whose audio is muxed in when there is no overlay.
    public var audioSource: String?
    /// Frames (0-based) to also write as PNG stills, named `<output stem>-<frame>.png`.
    public var stills: Set<Int> = []

    /// Default options: 1280×720 H.264 on the studio background.
    public init() {}
}

/// Renders an ``AnimationTrack`` with an avatar to a video file, alone or over a programme, one frame at a time
/// (memory does not grow with the video's length).
public enum AvatarVideo {
    /// Writes the video; returns its duration in seconds.
    /// - Throws: errors of rendering, decoding the source and encoding, each naming its file.
    @discardableResult
    public static func write(_ track: AnimationTrack, geometry: AvatarGeometry, to output: String,
                             options: AvatarVideoOptions, progress: ProgressHandler? = nil) throws -> Double {
        if options.background == .transparent && !options.codec.keepsAlpha && options.overlaySource == nil {
            throw PipelineError.invalidJob("\(output): MP4/H.264 cannot carry transparency; write .mov (ProRes 4444) or .webm (VP9)")
        }
        if let source = options.overlaySource {
            return try overlay(track, geometry: geometry, source: source, to: output, options: options, progress: progress)
        }
        let renderer = try TrackRenderer(geometry: geometry, width: options.width, height: options.height, background: options.background)
        try renderer.check(track)
        let rate = try options.frameRate ?? FrameRate(parsing: String(track.fps))
        let encoder = try VideoEncoder(path: output, width: options.width, height: options.height, frameRate: rate,
                                       options: .init(codec: options.codec, audioSource: options.audioSource))
        let count = max(1, Int((track.duration * rate.framesPerSecond).rounded()))
        if let still = options.stills.first(where: { $0 >= count }) {
            throw PipelineError.invalidJob("--still \(still): the video has \(count) frames (0 to \(count - 1))")
        }
        var produced = 0
        let frames = Lookahead { () -> (index: Int, image: RGBAImage)? in
            guard produced < count else { return nil }
            defer { produced += 1 }
            let time = rate.time(ofFrame: produced)
            return (produced, renderer.render(track.frames[TrackRenderer.frameIndex(at: time, in: track)]))
        }
        while let (index, image) = try frames.next() {
            // A job stopped (a server shutting down) ends between frames; the unfinished output is removed.
            try Task.checkCancellation()
            try encoder.append(image)
            try still(image, frame: index, output: output, options: options)
            progress?(StageProgress(stage: "rendering", completed: rate.time(ofFrame: index + 1), total: track.duration))
        }
        return try encoder.finish()
    }

    /// The avatar as an inset on every frame of `source`, which sets the length, rate and audio.
    private static func overlay(_ track: AnimationTrack, geometry: AvatarGeometry, source: String, to output: String,
                                options: AvatarVideoOptions, progress: ProgressHandler?) throws -> Double {
        guard options.insetScale > 0.05, options.insetScale <= 1 else {
            throw PipelineError.invalidJob("the inset scale must be in (0.05, 1], not \(options.insetScale)")
        }
        let reader = try VideoReader(path: source)
        let insetHeight = max(16, Int(Double(reader.height) * options.insetScale) & ~1)
        let insetWidth = max(16, insetHeight * 3 / 4 & ~1)
        let renderer = try TrackRenderer(geometry: geometry, width: insetWidth, height: insetHeight, background: options.background)
        try renderer.check(track)
        let rate = try options.frameRate ?? FrameRate(parsing: String(format: "%.3f", reader.frameRate ?? 25))
        let encoder = try VideoEncoder(path: output, width: reader.width, height: reader.height, frameRate: rate,
                                       options: .init(codec: options.codec, audioSource: source))
        let origin = options.placement.origin(insetWidth: insetWidth, insetHeight: insetHeight,
                                              frameWidth: reader.width, frameHeight: reader.height)
        var produced = 0
        let frames = Lookahead { () -> (index: Int, time: Double, image: RGBAImage)? in
            guard let (time, picture) = try reader.next() else { return nil }
            defer { produced += 1 }
            var frame = picture
            frame.composite(renderer.render(track.frames[TrackRenderer.frameIndex(at: time, in: track)]), x: origin.x, y: origin.y)
            return (produced, time, frame)
        }
        var end = 0.0
        while let (index, time, frame) = try frames.next() {
            try Task.checkCancellation()
            try encoder.append(frame)
            try still(frame, frame: index, output: output, options: options)
            progress?(StageProgress(stage: "rendering", completed: time, total: reader.duration))
            end = time + 1 / rate.framesPerSecond
        }
        // A source cut off before its declared length would give a silently shorter programme: refuse it, as
        // speech recognition does.
        if let declared = reader.duration, !source.contains("://"), end < declared - max(0.5, declared * 0.02) {
            throw MediaIOError.truncated(path: source, declaredSeconds: declared, decodedSeconds: end)
        }
        if let still = options.stills.first(where: { $0 >= produced }) {
            throw PipelineError.invalidJob("--still \(still): the video has \(produced) frames (0 to \(produced - 1))")
        }
        return try encoder.finish()
    }

    private static func still(_ image: RGBAImage, frame: Int, output: String, options: AvatarVideoOptions) throws {
        guard options.stills.contains(frame) else { return }
        try PNGWriter.write(image, to: URL(fileURLWithPath: output).deletingPathExtension().path + "-\(frame).png")
    }

    /// The codec a file name asks for: .mp4/.mkv/.ts H.264, .mov ProRes 4444, .webm VP9; a live stream to
    /// stdout ("-") or a URL is H.264 in MPEG-TS.
    public static func codec(for output: String) throws -> VideoCodec {
        if output == "-" || output.contains("://") { return .h264 }
        switch URL(fileURLWithPath: output).pathExtension.lowercased() {
        case "mp4", "mkv", "ts", "m4v": return .h264
        case "mov": return .prores4444
        case "webm": return .vp9
        default: throw PipelineError.invalidJob("\(output): the output must end in .mp4, .mov or .webm")
        }
    }
}
