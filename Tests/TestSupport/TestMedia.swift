import Foundation

/// Media made during a test with sox, ffmpeg and espeak-ng (Debian packages installed by scripts/setup).
public enum TestMedia {
    /// A sine tone of `seconds` at `rate` Hz with `channels` channels, as a WAV file in `folder`.
    @discardableResult
    public static func tone(in folder: URL, name: String = "tone.wav", seconds: Double = 3, rate: Int = 44_100,
                            channels: Int = 2, frequency: Int = 440) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Shell.must("sox", ["-n", "-r", "\(rate)", "-c", "\(channels)", "-b", "16", url.path,
                               "synth", "\(seconds)", "sine", "\(frequency)", "vol", "0.5"])
        return url
    }

    /// A chirp with different content per channel (so down-mixing is really exercised), via ffmpeg's lavfi.
    @discardableResult
    public static func multichannel(in folder: URL, name: String, seconds: Double, rate: Int, layout: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let channels = ["stereo": 2, "5.1": 6][layout] ?? 2
        let sources = (0..<channels).map { "sin(2*PI*\(220 + 110 * $0)*t)*0.3*(1+0.5*sin(2*PI*\($0 + 1)*t))" }
        try Shell.must("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i",
                                  "aevalsrc=\(sources.joined(separator: "|")):s=\(rate):c=\(layout):d=\(seconds)",
                                  url.path])
        return url
    }

    /// Speech from espeak-ng as a 16 kHz mono WAV; `voice` is an espeak-ng voice (`en-us`, `fr`, `cmn`).
    @discardableResult
    public static func speech(_ text: String, in folder: URL, name: String = "speech.wav", voice: String = "en-us") throws -> URL {
        let raw = folder.appendingPathComponent("espeak-\(name)")
        let url = folder.appendingPathComponent(name)
        try Shell.must("espeak-ng", ["-v", voice, "-s", "165", "-w", raw.path, text])
        try Shell.must("sox", [raw.path, "-r", "16000", "-c", "1", "-b", "16", url.path])
        return url
    }

    /// Converts `source` with ffmpeg (`arguments` go between input and output).
    @discardableResult
    public static func convert(_ source: URL, to name: String, in folder: URL, _ arguments: [String] = []) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Shell.must("ffmpeg", ["-v", "error", "-y", "-i", source.path] + arguments + [url.path])
        return url
    }

    /// What ffmpeg's own command line makes of `url` as 16 kHz mono float: the reference for our decoder.
    public static func ffmpegMono16k(_ url: URL) throws -> [Float] {
        let result = try Shell.must("ffmpeg", ["-v", "error", "-i", url.path, "-ac", "1", "-ar", "16000", "-f", "f32le", "-"])
        return Signals.floats(fromF32LE: [UInt8](result.stdout))
    }

    /// Number of video frames ffprobe counts by decoding, and the container duration.
    public static func probeVideo(_ url: URL) throws -> (frames: Int, duration: Double) {
        let result = try Shell.must("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0",
                                                "-show_entries", "stream=nb_read_frames:format=duration",
                                                "-of", "default=noprint_wrappers=1", url.path])
        var frames = 0, duration = 0.0
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "=")
            guard parts.count == 2 else { continue }
            if parts[0] == "nb_read_frames" { frames = Int(parts[1]) ?? 0 }
            if parts[0] == "duration" { duration = Double(parts[1]) ?? 0 }
        }
        return (frames, duration)
    }

    /// Decodes every frame of a video to RGBA bytes with ffmpeg, one array per frame.
    /// - Parameter decoder: an FFmpeg decoder to force (VP9 alpha needs `libvpx-vp9`; the native one drops alpha).
    public static func decodeFrames(_ url: URL, width: Int, height: Int, decoder: String? = nil) throws -> [[UInt8]] {
        let forced = decoder.map { ["-c:v", $0] } ?? []
        let result = try Shell.must("ffmpeg", ["-v", "error"] + forced + ["-i", url.path, "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        let bytes = [UInt8](result.stdout)
        let size = width * height * 4
        return stride(from: 0, to: bytes.count - size + 1, by: size).map { Array(bytes[$0..<$0 + size]) }
    }
}
