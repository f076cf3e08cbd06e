import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport

@Suite("Decoding audio to 16 kHz mono")
struct AudioReaderTests {
    /// Each container/codec a broadcast may arrive in, with the length of one codec frame in 16 kHz samples
    /// (the tolerance: encoders pad the last frame).
    static let formats: [(name: String, args: [String], frame: Int)] = [
        ("tone.flac", [], 1),
        ("tone.mp3", ["-c:a", "libmp3lame"], 1152 * 16_000 / 44_100 + 1),
        ("tone.m4a", ["-c:a", "aac"], 1024 * 16_000 / 44_100 + 1),
        ("tone.ogg", ["-c:a", "libopus"], 960 * 16_000 / 48_000 + 1),
        ("tone.mkv", ["-c:a", "libopus"], 960 * 16_000 / 48_000 + 1),
        ("tone.ts", ["-c:a", "mp2"], 1152 * 16_000 / 44_100 + 1),
    ]

    @Test("every format decodes to the right number of samples", arguments: formats.indices)
    func sampleCount(_ index: Int) throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 3)
        let format = Self.formats[index]
        let file = try TestMedia.convert(wav, to: format.name, in: folder, format.args)
        let audio = try AudioDecoding.readAll(path: file.path)
        #expect(abs(audio.samples.count - 48_000) <= format.frame, "\(format.name): \(audio.samples.count) samples")
        #expect(audio.samples.count > 0)
    }

    @Test("WAV decodes sample-exact and matches ffmpeg")
    func wav() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 3)
        let audio = try AudioDecoding.readAll(path: wav.path)
        #expect(audio.samples.count == 48_000)
        #expect(Signals.correlation(audio.samples, try TestMedia.ffmpegMono16k(wav)) > 0.999)
    }

    @Test("a video file with audio decodes its audio")
    func videoContainer() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 2)
        let mp4 = folder.appendingPathComponent("clip.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-i", wav.path,
                                  "-t", "2", "-c:v", "libx264", "-c:a", "aac", "-shortest", mp4.path])
        let audio = try AudioDecoding.readAll(path: mp4.path)
        #expect(abs(audio.samples.count - 32_000) <= 400)
    }

    @Test("stereo 44.1 kHz and 5.1 48 kHz down-mix like ffmpeg -ac 1 -ar 16000",
          arguments: [("stereo", 44_100), ("5.1", 48_000)])
    func downmix(layout: String, rate: Int) throws {
        let folder = try TestFiles.temporaryFolder()
        let file = try TestMedia.multichannel(in: folder, name: "multi.wav", seconds: 2, rate: rate, layout: layout)
        let ours = try AudioDecoding.readAll(path: file.path).samples
        let reference = try TestMedia.ffmpegMono16k(file)
        #expect(abs(ours.count - reference.count) <= 16)
        #expect(Signals.correlation(ours, reference) > 0.99)
    }

    @Test("chunks are contiguous, timestamped and of the requested length")
    func chunks() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 5, rate: 16_000, channels: 1)
        let reader = try AudioReader(path: wav.path, chunkSeconds: 2)
        #expect(reader.duration == 5)
        var chunks: [AudioChunk] = []
        while let chunk = try reader.next() { chunks.append(chunk) }
        #expect(chunks.map(\.samples.count) == [32_000, 32_000, 16_000])
        #expect(chunks.map(\.startTime) == [0, 2, 4])
        #expect(try reader.next() == nil)
    }

}
