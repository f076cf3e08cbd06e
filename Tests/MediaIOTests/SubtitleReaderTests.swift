import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport

@Suite("Reading timed text")
struct SubtitleReaderTests {
    static let srt = """
    1
    00:00:01,000 --> 00:00:03,500
    Good evening.

    2
    00:00:04,250 --> 00:00:07,000
    <i>Heavy snow</i> is expected
    in Beijing tomorrow.

    """

    static let expected = [
        TimedText(start: 1.0, end: 3.5, text: "Good evening."),
        TimedText(start: 4.25, end: 7.0, text: "Heavy snow is expected\nin Beijing tomorrow."),
    ]

    static func writeSRT(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("news.srt")
        try Data(srt.utf8).write(to: url)
        return url
    }

    @Test("sidecar .srt and .vtt files")
    func sidecars() throws {
        let folder = try TestFiles.temporaryFolder()
        let srt = try Self.writeSRT(in: folder)
        #expect(try SubtitleReader.read(path: srt.path).map(\.text).first == "Good evening.")
        let cues = try SubtitleReader.read(path: srt.path)
        #expect(cues.map(\.start) == Self.expected.map(\.start))
        #expect(cues.map(\.end) == Self.expected.map(\.end))
        #expect(cues.map { $0.text.replacingOccurrences(of: "<i>", with: "").replacingOccurrences(of: "</i>", with: "") }
            == Self.expected.map(\.text))

        let vtt = folder.appendingPathComponent("news.vtt")
        try Data(TimedText.webVTT(Self.expected).utf8).write(to: vtt)
        #expect(try SubtitleReader.read(path: vtt.path) == Self.expected)
    }

    @Test("subtitle streams inside containers: SRT in MKV, ASS in MKV, mov_text in MP4",
          arguments: [("news.mkv", "srt", "flac"), ("news-ass.mkv", "ass", "flac"), ("news.mp4", "mov_text", "aac")])
    func inContainers(name: String, codec: String, audio: String) throws {
        let folder = try TestFiles.temporaryFolder()
        let srt = try Self.writeSRT(in: folder)
        let tone = try TestMedia.tone(in: folder, seconds: 8)
        let url = folder.appendingPathComponent(name)
        try Shell.must("ffmpeg", ["-v", "error", "-i", tone.path, "-i", srt.path, "-map", "0:a", "-map", "1:s",
                                  "-c:a", audio, "-c:s", codec, url.path])
        let cues = try SubtitleReader.read(path: url.path)
        #expect(cues.count == 2)
        for (cue, want) in zip(cues, Self.expected) {
            #expect(abs(cue.start - want.start) < 0.011 && abs(cue.end - want.end) < 0.011, "\(cue)")
            #expect(cue.text == want.text)
        }
    }

    @Test("a file without subtitles says so")
    func none() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 1)
        #expect(throws: MediaIOError.noSubtitleStream(path: tone.path)) { try SubtitleReader.read(path: tone.path) }
    }

    @Test("SRT and WebVTT writers round-trip through FFmpeg's readers")
    func writers() throws {
        let folder = try TestFiles.temporaryFolder()
        let srt = folder.appendingPathComponent("out.srt")
        try Data(TimedText.srt(Self.expected).utf8).write(to: srt)
        #expect(try SubtitleReader.read(path: srt.path) == Self.expected)
    }
}
