import Foundation
import Testing
import TestSupport

@Suite("signanchor media-info")
struct MediaInfoCLITests {
    @Test("text and JSON describe streams")
    func describes() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 2)
        let mp4 = folder.appendingPathComponent("clip.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-i", tone.path,
                                  "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", mp4.path])
        let text = try Shell.run(TestFiles.program.path, ["media-info", mp4.path])
        #expect(text.status == 0)
        #expect(text.output.contains("video: h264"))
        #expect(text.output.contains("320x240"))
        #expect(text.output.contains("audio: aac"))

        let json = try Shell.run(TestFiles.program.path, ["media-info", mp4.path, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let streams = try #require(object["streams"] as? [[String: Any]])
        #expect(streams.count == 2)
        #expect(streams.contains { $0["kind"] as? String == "video" && $0["frameRate"] as? Double == 25 })
        #expect(streams.contains { $0["kind"] as? String == "audio" && $0["sampleRate"] as? Int == 44_100 })
        #expect(abs((object["duration"] as? Double ?? 0) - 2) < 0.05)
    }

    @Test("stdin is an input too")
    func standardInput() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 1, rate: 16_000, channels: 1)
        let result = try Shell.run(TestFiles.program.path, ["media-info", "-"], input: try Data(contentsOf: wav))
        #expect(result.status == 0)
        #expect(result.output.contains("pcm_s16le"))
    }

    @Test("a user error is one line naming the file, exit 1")
    func userErrors() throws {
        let folder = try TestFiles.temporaryFolder()
        let text = folder.appendingPathComponent("fake.mp3")
        try Data("not audio".utf8).write(to: text)
        for (arguments, needle) in [(["media-info", "/nonexistent.wav"], "/nonexistent.wav: no such file"),
                                    (["media-info", folder.path], "is a directory"),
                                    (["media-info", text.path], text.path + ": not a media file"),
                                    (["media-info", text.path, "--format", "yaml"], "yaml"),
                                    (["media-info", "--no-such-option", text.path], "no-such-option")] {
            let result = try Shell.run(TestFiles.program.path, arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(needle), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").first?.hasPrefix("signanchor: ") == true)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("-o writes the file atomically")
    func outputFile() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 1)
        let out = folder.appendingPathComponent("info.json")
        let result = try Shell.run(TestFiles.program.path, ["media-info", tone.path, "--format", "json", "-o", out.path])
        #expect(result.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"pcm_s16le\""))
        let bad = try Shell.run(TestFiles.program.path, ["media-info", tone.path, "-o", folder.appendingPathComponent("no/dir.txt").path])
        #expect(bad.status == 1)
    }
}
