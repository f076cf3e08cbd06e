// anchor-bench: the library side of scripts/bench. Each subcommand does one measured job and prints
// one line of results; scripts/bench times it against its baseline (the ffmpeg command line) in the same run.
import AnchorCore
import Foundation
import MediaIO

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

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("anchor-bench: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first else {
    fail("usage: anchor-bench decode FILE | encode WIDTH HEIGHT FRAMES OUT.mp4 | frames WIDTH HEIGHT FRAMES")
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
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("\(error)")
}
