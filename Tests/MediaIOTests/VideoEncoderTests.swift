import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport

@Suite("Encoding frames to H.264 MP4")
struct VideoEncoderTests {
    /// A smooth test picture that moves with `index`: gradients plus a bright square, opaque.
    static func picture(_ index: Int, width: Int, height: Int) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                image.pixels[i] = UInt8((x * 255) / width)
                image.pixels[i + 1] = UInt8((y * 255) / height)
                image.pixels[i + 2] = UInt8((index * 8) % 256)
            }
        }
        // A soft bright disc (rendered avatars are anti-aliased, not hard-edged), moving right.
        let radius = Double(height) / 6, centreX = radius + Double((index * 3) % max(1, width - Int(2 * radius)))
        let centreY = Double(height) / 2
        for y in 0..<height {
            for x in 0..<width {
                let distance = ((Double(x) - centreX) * (Double(x) - centreX) + (Double(y) - centreY) * (Double(y) - centreY)).squareRoot()
                let weight = max(0, min(1, (radius - distance) / 3 + 0.5))
                guard weight > 0 else { continue }
                let i = (y * width + x) * 4
                for (channel, value) in [240.0, 220.0, 90.0].enumerated() {
                    image.pixels[i + channel] = UInt8((1 - weight) * Double(image.pixels[i + channel]) + weight * value)
                }
            }
        }
        return image
    }

    @Test("exact frame count and duration, frames survive (PSNR > 35 dB)",
          arguments: [("25", 50, 160, 120), ("30000/1001", 30, 142, 80), ("50", 25, 320, 180)])
    func roundTrip(rate: String, frames: Int, width: Int, height: Int) throws {
        let folder = try TestFiles.temporaryFolder()
        let url = folder.appendingPathComponent("out.mp4")
        let frameRate = try FrameRate(parsing: rate)
        let encoder = try VideoEncoder(path: url.path, width: width, height: height, frameRate: frameRate)
        let pictures = (0..<frames).map { Self.picture($0, width: width, height: height) }
        for picture in pictures { try encoder.append(picture) }
        let duration = try encoder.finish()
        #expect(abs(duration - Double(frames) / frameRate.framesPerSecond) < 1e-9)

        let probe = try TestMedia.probeVideo(url)
        #expect(probe.frames == frames)
        #expect(abs(probe.duration - duration) < 0.002, "container says \(probe.duration) s, expected \(duration) s")
        let decoded = try TestMedia.decodeFrames(url, width: width, height: height)
        #expect(decoded.count == frames)
        for (index, frame) in decoded.enumerated() {
            let psnr = Signals.psnr(frame, pictures[index].pixels)
            #expect(psnr > 35, "frame \(index): \(psnr) dB")
        }
        // Nothing but the finished file is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.mp4"])
    }

    @Test("the audio of a source file is muxed and cut to the video's length")
    func audioMux() throws {
        let folder = try TestFiles.temporaryFolder()
        let source = try TestMedia.tone(in: folder, name: "source.wav", seconds: 3, rate: 48_000, channels: 2)
        let url = folder.appendingPathComponent("with-audio.mp4")
        let encoder = try VideoEncoder(path: url.path, width: 96, height: 64, frameRate: try FrameRate(25),
                                       options: .init(audioSource: source.path))
        for index in 0..<50 { try encoder.append(Self.picture(index, width: 96, height: 64)) }
        try encoder.finish()

        let info = try MediaInfo.probe(path: url.path)
        let audio = try #require(info.streams.first { $0.kind == .audio })
        #expect(audio.codec == "aac")
        #expect(audio.sampleRate == 48_000)
        #expect(abs((audio.duration ?? 0) - 2.0) < 0.05, "audio lasts \(audio.duration ?? 0) s")
        #expect(try TestMedia.probeVideo(url).frames == 50)
        let decoded = try AudioDecoding.readAll(path: url.path)
        let reference = try AudioDecoding.readAll(path: source.path)
        #expect(abs(decoded.samples.count - 32_000) < 400)
        #expect(Signals.correlation(Array(decoded.samples[4000..<28_000]), Array(reference.samples[4000..<28_000])) > 0.95)
    }

    @Test("transparent output for keying keeps the alpha channel", arguments: [
        (VideoCodec.prores4444, "key.mov", nil as String?), (VideoCodec.vp9, "key.webm", "libvpx-vp9"),
    ])
    func alpha(codec: VideoCodec, name: String, decoder: String?) throws {
        let folder = try TestFiles.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        let encoder = try VideoEncoder(path: url.path, width: 96, height: 64, frameRate: try FrameRate(25), options: .init(codec: codec))
        var pictures: [RGBAImage] = []
        for index in 0..<10 {
            var picture = Self.picture(index, width: 96, height: 64)
            // Left half transparent, right half opaque: what a keyer needs to see.
            for y in 0..<64 { for x in 0..<48 { picture.pixels[(y * 96 + x) * 4 + 3] = 0 } }
            pictures.append(picture)
            try encoder.append(picture)
        }
        try encoder.finish()
        let decoded = try TestMedia.decodeFrames(url, width: 96, height: 64, decoder: decoder)
        #expect(decoded.count == 10)
        for (frame, picture) in zip(decoded, pictures) {
            let alpha = { (bytes: [UInt8]) in stride(from: 3, to: bytes.count, by: 4).map { bytes[$0] } }
            #expect(Signals.psnr(alpha(frame), alpha(picture.pixels)) > 30)
        }
    }

    @Test("PNG stills keep every RGBA byte")
    func png() throws {
        let folder = try TestFiles.temporaryFolder()
        var image = Self.picture(7, width: 40, height: 30)
        image.pixels[3] = 0 // one transparent pixel
        let url = folder.appendingPathComponent("still.png")
        try PNGWriter.write(image, to: url.path)
        let decoded = try TestMedia.decodeFrames(url, width: 40, height: 30)
        #expect(decoded == [image.pixels])
    }
}
