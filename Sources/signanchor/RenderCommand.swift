import AnchorCore
import ArgumentParser
import Foundation
import MediaIO
import Motion
import Pipeline
import Render

/// `signanchor render ANIMATION -o OUT`: the avatar to video, alone or as picture-in-picture over a programme.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render an animation to video: MP4 (H.264), or .mov (ProRes 4444) / .webm (VP9) with alpha for keying.",
        discussion: """
        The codec follows the output's extension. With --overlay the avatar is composited as picture-in-picture \
        onto the source video, whose length, frame rate and audio the output keeps.
        """
    )

    @Argument(help: "The animation: JSON Lines (.jsonl) or JSON (.json) as 'animate' writes it.")
    var animation: String

    @Option(name: .shortAndLong, help: "Output video (.mp4, .mov or .webm).")
    var output: String

    @OptionGroup var video: VideoOptions

    @Option(help: "A source video to composite the avatar onto, keeping its length, frame rate and audio.")
    var overlay: String?

    @Option(help: "A media file whose audio is muxed in (without --overlay).")
    var audio: String?

    @OptionGroup var avatar: AvatarOptions

    @Flag(help: "No progress output.")
    var quiet = false

    func run() async throws {
        try OutputSafety.check(outputs: [output] + video.stillPaths(output: output), inputs: [animation, overlay, audio])
        var options = try video.options(output: output)
        options.overlaySource = overlay
        options.audioSource = audio
        let track = try AnimationTrack.read(path: animation)
        let progress = ProgressBar(quiet: quiet)
        defer { progress.finish() }
        try AvatarVideo.write(track, geometry: try avatar.load(), to: output, options: options, progress: progress.handler)
    }
}

/// Video options shared by `render` and `anchor`.
struct VideoOptions: ParsableArguments {
    @Option(help: "Picture size WIDTHxHEIGHT (even numbers) of the avatar alone.")
    var size: String = "1280x720"

    @Option(help: "Frames per second (default: the animation's; with an overlay, the source's).")
    var fps: String?

    @Option(help: "Background: studio, transparent, or #RRGGBB (default: studio for .mp4, transparent for .mov/.webm).")
    var background: String?

    @Option(help: "Corner of the inset: \(PictureInPicture.Corner.allCases.map(\.rawValue).joined(separator: ", ")).")
    var corner: String = PictureInPicture.Corner.bottomRight.rawValue

    @Option(help: "Height of the inset as a fraction of the source's height.")
    var scale: Double = 0.45

    @Option(help: "Gap between the inset and the picture's edges, in pixels.")
    var margin: Int = 24

    @Option(name: .customLong("still"), help: "Also write this frame (0-based) as OUTPUT-stem-FRAME.png; repeatable.")
    var stills: [Int] = []

    /// The options for writing `output`.
    func options(output: String) throws -> AvatarVideoOptions {
        var options = AvatarVideoOptions()
        options.codec = try AvatarVideo.codec(for: output)
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw CLIError("--size '\(size)' is not WIDTHxHEIGHT, such as 1280x720") }
        (options.width, options.height) = (parts[0], parts[1])
        options.frameRate = try fps.map { try FrameRate(parsing: $0) }
        options.background = try background.map(Self.background) ?? (options.codec.keepsAlpha ? .transparent : .studio)
        guard let corner = PictureInPicture.Corner(rawValue: corner) else {
            throw CLIError("--corner must be one of \(PictureInPicture.Corner.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard margin >= 0 else { throw CLIError("--margin must be at least 0") }
        if let still = stills.first(where: { $0 < 0 }) { throw CLIError("--still \(still): frames are numbered from 0") }
        options.placement = PictureInPicture(corner: corner, margin: margin)
        options.insetScale = scale
        options.stills = Set(stills)
        return options
    }

    /// The PNG files `--still` writes beside `output`.
    func stillPaths(output: String) -> [String] {
        let stem = URL(fileURLWithPath: output).deletingPathExtension().path
        return stills.map { "\(stem)-\($0).png" }
    }

    private static func background(_ text: String) throws -> Background {
        switch text.lowercased() {
        case "studio": return .studio
        case "transparent": return .transparent
        default:
            let hex = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else {
                throw CLIError("--background '\(text)' is not studio, transparent or #RRGGBB")
            }
            return .color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
        }
    }
}

/// `--rig` and `--look`: which avatar to draw, by default the project's own in Rigs/.
struct AvatarOptions: ParsableArguments {
    @Option(help: "The avatar's skeleton (docs/rig-format.md; default $SIGNANCHOR_RIG, else .models/avatar/human.rig in the data folders).")
    var rig: String?

    @Option(help: "How the avatar is drawn (docs/avatar-look.md; default $SIGNANCHOR_LOOK, else Rigs/human.look in the data folders).")
    var look: String?

    /// The rig file: `--rig`, else the ``DataSet/rig`` found (docs/cli.md, "Data").
    func rigPath() throws -> String { try rig ?? DataSet.rig.path() }

    /// The look file: `--look`, else the ``DataSet/look`` found.
    func lookPath() throws -> String { try look ?? DataSet.look.path() }

    /// Loads and validates both files.
    func load() throws -> AvatarGeometry {
        let skeleton = try Rig.load(path: try rigPath())
        return AvatarGeometry(rig: skeleton, look: try AvatarLook.load(path: try lookPath(), rig: skeleton))
    }
}
