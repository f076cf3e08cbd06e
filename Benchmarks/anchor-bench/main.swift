// anchor-bench: the library side of scripts/bench. Each subcommand does one measured job and prints
// one line of results; scripts/bench times it against its baseline (the ffmpeg command line) in the same run.
import AnchorCore
import Distill
import Foundation
import Lexicon
import MediaIO
import Motion
import Pipeline
import Render

/// Synthetic frames: `count` distinct pictures (gradients and a moving disc) cycled, so generating them costs
/// nothing next to encoding.
func syntheticFrames(width: Int, height: Int, count: Int = 25) -> [RGBAImage] {
    (0..<count).map { index in
        var image = RGBAImage(width: width, height: height)
        let cx = Double(width) * (0.2 + 0.6 * Double(index) / Double(count)), cy = Double(height) / 2
        let radius = Double(height) / 5
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                let dx = Double(x) - cx, dy = Double(y) - cy
                let inside = dx * dx + dy * dy < radius * radius
                image.pixels[i] = inside ? 230 : UInt8(x * 255 / width)
                image.pixels[i + 1] = inside ? 190 : UInt8(y * 255 / height)
                image.pixels[i + 2] = inside ? 150 : 96
            }
        }
        return image
    }
}

/// The project's avatar (Rigs/adult.rig and .look) in a pose that moves with `frame`: both forearms
/// swing and the fingers curl, so every frame differs as in signing.
func avatarFrame(_ avatar: AvatarGeometry, frame: Int) -> Mesh {
    var pose = Pose(rest: avatar.rig)
    let phase = Double(frame) * 0.12
    for (index, joint) in avatar.rig.joints.enumerated() {
        if joint.name.hasPrefix("forearm") { pose.rotations[index] = pose.rotations[index] * Quaternion(axisIndex: 1, angle: 1.2 + 0.4 * sin(phase)) }
        if joint.name.hasPrefix("index") || joint.name.hasPrefix("middle") {
            pose.rotations[index] = Quaternion(axisIndex: 2, angle: 0.5 + 0.5 * sin(phase))
        }
    }
    let world = avatar.rig.forward(pose)
    let controls = avatar.rig.controls.map { $0.name == "mouth_open" ? 0.5 + 0.5 * sin(phase) : 0 }
    return avatar.mesh(AvatarPose(positions: world.positions, rotations: world.orientations, controls: controls))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("anchor-bench: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else {
    fail("usage: anchor-bench decode FILE | encode WIDTH HEIGHT FRAMES OUT.mp4 | frames WIDTH HEIGHT FRAMES | render WIDTH HEIGHT FRAMES OUT.mp4 RIG LOOK"
         + " | distill-subtitles FILE.srt RIG")
}
do {
    switch command {
    case "decode":
        // Streams the file through AudioReader (30 s chunks) and discards the samples.
        guard let path = arguments.dropFirst().first else { fail("decode needs a file") }
        let start = Date()
        let reader = try AudioReader(path: path)
        var samples = 0
        while let chunk = try reader.next() { samples += chunk.samples.count }
        let seconds = Date().timeIntervalSince(start)
        let audio = Double(samples) / Double(SpeechAudio.sampleRate)
        print(String(format: "decoded %.1f s of audio in %.3f s (%.0fx real time)", audio, seconds, audio / seconds))
    case "encode", "frames":
        let values = arguments.dropFirst().prefix(3).compactMap { Int($0) }
        guard values.count == 3 else { fail("\(command) needs WIDTH HEIGHT FRAMES") }
        let frames = syntheticFrames(width: values[0], height: values[1])
        if command == "frames" {
            // Raw RGBA on stdout, for the ffmpeg baseline to encode the very same pictures.
            for index in 0..<values[2] { FileHandle.standardOutput.write(Data(frames[index % frames.count].pixels)) }
        } else {
            guard let path = arguments.dropFirst(4).first else { fail("encode needs an output path") }
            let start = Date()
            let encoder = try VideoEncoder(path: path, width: values[0], height: values[1], frameRate: try FrameRate(25))
            for index in 0..<values[2] { try encoder.append(frames[index % frames.count]) }
            try encoder.finish()
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "encoded %d frames at %dx%d in %.3f s (%.1f fps)", values[2], values[0], values[1],
                         seconds, Double(values[2]) / seconds))
        }
    case "render":
        // Renders the avatar (2×2 supersampling) and encodes it, as `signanchor render` does.
        let values = arguments.dropFirst().prefix(3).compactMap { Int($0) }
        let paths = Array(arguments.dropFirst(4))
        guard values.count == 3, paths.count == 3 else { fail("render needs WIDTH HEIGHT FRAMES OUT.mp4 RIG LOOK") }
        let path = paths[0]
        let rig = try Rig.load(path: paths[1])
        let avatar = AvatarGeometry(rig: rig, look: try AvatarLook.load(path: paths[2], rig: rig))
        let rasterizer = Rasterizer(width: values[0], height: values[1])
        let camera = SigningSpace.camera(for: rig, width: values[0], height: values[1])
        let encoder = try VideoEncoder(path: path, width: values[0], height: values[1], frameRate: try FrameRate(25))
        let start = Date()
        var renderSeconds = 0.0
        for frame in 0..<values[2] {
            let before = Date()
            let image = rasterizer.render(avatarFrame(avatar, frame: frame), camera: camera)
            renderSeconds += Date().timeIntervalSince(before)
            try encoder.append(image)
        }
        try encoder.finish()
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "rendered+encoded %d frames at %dx%d in %.3f s (%.1f fps; rendering alone %.1f fps)",
                     values[2], values[0], values[1], seconds, Double(values[2]) / seconds, Double(values[2]) / renderSeconds))
    case "distill-subtitles":
        // Distils subtitles with the signing time measured as `anchor` measures it (glosses animated on the rig),
        // where `signanchor distill` (the baseline) estimates it from the lexicon.
        let paths = Array(arguments.dropFirst())
        guard paths.count == 2 else { fail("distill-subtitles needs FILE.srt RIG") }
        let cues = try SubtitleReader.read(path: paths[0])
        let kit = try SigningKit(root: try LexiconLoader.defaultRoot(), signLanguage: "asl", rig: try Rig.load(path: paths[1]))
        let analyzer = try kit.analyzer(.english)
        let estimator = AnimatedTimeEstimator(translator: kit.translator, animation: kit.animation)
        let transcript = Transcript(language: "en", duration: cues.map(\.end).max() ?? 0, segments: cues)
        let start = Date()
        let script = await Distiller(analyzer: analyzer, estimator: estimator, options: try DistillOptions()).distill(transcript)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "distilled %d cues with animated signing times in %.3f s (%.2f ms a cue; %d passages)",
                     cues.count, seconds, seconds * 1000 / Double(max(1, cues.count)), script.passages.count))
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
