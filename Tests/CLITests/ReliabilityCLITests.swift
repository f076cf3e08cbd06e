import Foundation
import Testing
import TestSupport

/// Issue 17's command-line repros: each bad input ends in one line naming the input and exit 1, nothing is left
/// behind, and an input is never overwritten.
@Suite("signanchor reliability: bad input, output = input, signals", .serialized)
struct ReliabilityCLITests {
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil) throws -> Shell.Result {
        try Shell.run(TestFiles.program.path, arguments, input: input, environment: environment)
    }

    /// One line on stderr, exit 1, mentioning `words`.
    static func expectUserError(_ result: Shell.Result, _ words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 || (lines.count == 2 && lines[1].contains("signanchor help")), "\(result.stderr)",
                sourceLocation: sourceLocation)
        for word in words { #expect(result.stderr.contains(word), "'\(word)' in: \(result.stderr)", sourceLocation: sourceLocation) }
    }

    /// Files in `folder` other than `kept`.
    static func leftovers(_ folder: URL, keeping kept: [URL]) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in !kept.contains { $0.lastPathComponent == name } }
    }

    /// A gloss sequence and its animation (about `seconds` of signing) made by the program itself.
    static func animation(in folder: URL, text: String = "The weather tomorrow will be cold. The team won the match today.") throws
        -> (glosses: URL, track: URL) {
        let glosses = folder.appendingPathComponent("g.json"), track = folder.appendingPathComponent("a.jsonl")
        let gloss = try run(["gloss", "--text", text, "--sign-language", "asl", "--format", "json", "-o", glosses.path])
        #expect(gloss.status == 0, "\(gloss.stderr)")
        let animate = try run(["animate", glosses.path, "-o", track.path])
        #expect(animate.status == 0, "\(animate.stderr)")
        return (glosses, track)
    }

    // MARK: 1. negative limit

    @Test("1: lexicon search --limit below 1 is a user error, not a crash")
    func negativeLimit() throws {
        Self.expectUserError(try Self.run(["lexicon", "search", "b", "--limit=-1"]), "--limit")
        Self.expectUserError(try Self.run(["lexicon", "search", "b", "--limit", "0"]), "--limit")
        #expect(try Self.run(["lexicon", "search", "b", "--limit", "2"]).status == 0)
    }

    // MARK: 4. absurd times in transcript JSON

    @Test("4: absurd, reversed and non-finite transcript times are user errors for anchor, gloss and distill; nothing is written")
    func absurdTranscriptTimes() throws {
        let folder = try TestFiles.temporaryFolder()
        let cases = [
            #"[{"start":1e308,"end":-1e308,"text":"x"}]"#,
            #"[{"start":0,"end":1e308,"text":"weather"}]"#,
            #"[{"start":-5,"end":2,"text":"weather"}]"#,
            #"[{"start":8,"end":2,"text":"weather"}]"#,
            #"{"language":"en","duration":1e300,"segments":[{"start":0,"end":2,"text":"weather"}]}"#,
        ]
        for (index, json) in cases.enumerated() {
            let input = folder.appendingPathComponent("t\(index).json")
            try Data(json.utf8).write(to: input)
            let video = folder.appendingPathComponent("x\(index).mp4")
            Self.expectUserError(try Self.run(["anchor", "--transcript", input.path, "-o", video.path, "--size", "160x120", "--quiet"]),
                                 input.path)
            #expect(!FileManager.default.fileExists(atPath: video.path))
            Self.expectUserError(try Self.run(["gloss", input.path, "--sign-language", "asl"]), input.path)
            Self.expectUserError(try Self.run(["distill", input.path, "--quiet"]), input.path)
        }
        #expect(try Self.leftovers(folder, keeping: (0..<cases.count).map { folder.appendingPathComponent("t\($0).json") }).isEmpty)
    }

    // MARK: 5. SRT cues reversed or negative

    @Test("5: SRT cues that end before they start, negative times and times past 48 h are user errors naming the cue")
    func badSubtitleTimes() throws {
        let folder = try TestFiles.temporaryFolder()
        let cases = [
            ("1\n00:00:01,000 --> 00:00:02,000\nGood.\n\n2\n00:00:08,000 --> 00:00:02,000\nThe weather.\n", "cue 2"),
            ("1\n-00:00:05,000 --> 00:00:07,000\nThe weather.\n", "negative"),
            ("1\n49:00:00,000 --> 49:00:01,000\nThe weather.\n", "48-hour"),
        ]
        for (index, (text, words)) in cases.enumerated() {
            let srt = folder.appendingPathComponent("s\(index).srt")
            try Data(text.utf8).write(to: srt)
            Self.expectUserError(try Self.run(["distill", srt.path, "--quiet"]), srt.path, words)
        }
        let vtt = folder.appendingPathComponent("v.vtt")
        try Data("WEBVTT\n\n00:05.000 --> 00:01.000\nThe weather.\n".utf8).write(to: vtt)
        Self.expectUserError(try Self.run(["gloss", vtt.path, "--sign-language", "asl"]), vtt.path, "cue 1")
        let good = folder.appendingPathComponent("good.srt")
        try Data("1\n00:00:01,000 --> 00:00:02,500\nThe weather is cold.\n".utf8).write(to: good)
        #expect(try Self.run(["distill", good.path, "--quiet"]).status == 0)
    }

    // MARK: 7. output = input

    @Test("7: an output path that is one of the inputs (directly, through .. or a link) is refused before anything is written")
    func outputIsInput() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 1)
        let srt = folder.appendingPathComponent("s.srt")
        try Data("1\n00:00:01,000 --> 00:00:02,000\nThe weather is cold.\n".utf8).write(to: srt)
        let (glosses, track) = try Self.animation(in: folder, text: "Cold.")
        let video = folder.appendingPathComponent("v.mp4")
        let made = try Self.run(["render", track.path, "-o", video.path, "--size", "160x120", "--quiet"])
        #expect(made.status == 0, "\(made.stderr)")
        let link = folder.appendingPathComponent("link.srt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: srt)
        let before = try [tone, srt, glosses, track, video].map { try Data(contentsOf: $0) }
        let cases: [[String]] = [
            ["transcribe", tone.path, "-o", tone.path],
            ["media-info", video.path, "-o", video.path],
            ["distill", srt.path, "-o", srt.path],
            ["distill", srt.path, "-o", folder.path + "/../" + folder.lastPathComponent + "/s.srt"],
            ["distill", link.path, "-o", srt.path],
            ["gloss", srt.path, "-o", srt.path],
            ["animate", glosses.path, "-o", glosses.path],
            ["render", track.path, "--overlay", video.path, "-o", video.path],
            ["render", track.path, "-o", track.path],
            ["anchor", video.path, "-o", video.path, "--text", "Cold."],
            ["anchor", "--transcript", srt.path, "-o", folder.appendingPathComponent("s.mp4").path, "--export", "srt"],
        ]
        for arguments in cases {
            Self.expectUserError(try Self.run(arguments + ["--quiet"].filter { _ in ["distill", "render", "anchor", "transcribe"].contains(arguments[0]) }),
                                 "input")
        }
        let after = try [tone, srt, glosses, track, video].map { try Data(contentsOf: $0) }
        #expect(before == after, "no input was touched")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.mp4").path))
    }

    // MARK: 10. accepted silently before

    @Test("10: --still out of range, empty --text, --speech-rate 0, unknown sign ids, bad animation files are user errors")
    func acceptedSilently() throws {
        let folder = try TestFiles.temporaryFolder()
        let (glosses, track) = try Self.animation(in: folder, text: "Cold.")
        let video = folder.appendingPathComponent("v.mp4")
        Self.expectUserError(try Self.run(["render", track.path, "-o", video.path, "--size", "160x120", "--still", "-1", "--quiet"]), "--still")
        Self.expectUserError(try Self.run(["render", track.path, "-o", video.path, "--size", "160x120", "--still", "999999", "--quiet"]),
                             "--still 999999")
        #expect(!FileManager.default.fileExists(atPath: video.path))
        Self.expectUserError(try Self.run(["anchor", "--text", "", "-o", video.path, "--quiet"]), "--text")
        Self.expectUserError(try Self.run(["anchor", "--text", "  \n", "-o", video.path, "--quiet"]), "--text")
        #expect(!FileManager.default.fileExists(atPath: video.path))
        let srt = folder.appendingPathComponent("s.srt")
        try Data("1\n00:00:01,000 --> 00:00:02,000\nThe weather is cold.\n".utf8).write(to: srt)
        Self.expectUserError(try Self.run(["distill", srt.path, "--speech-rate", "0", "--quiet"]), "--speech-rate")

        // Unknown sign ids: the animation would silently have no signs.
        var sequence = try String(contentsOf: glosses, encoding: .utf8)
        let entry = try #require(sequence.range(of: #""entry" : ""#))
        sequence.insert(contentsOf: "no-such-sign-", at: entry.upperBound)
        let unknown = folder.appendingPathComponent("unknown.json")
        try Data(sequence.utf8).write(to: unknown)
        let out = folder.appendingPathComponent("u.jsonl")
        Self.expectUserError(try Self.run(["animate", unknown.path, "-o", out.path]), unknown.path, "no-such-sign-")
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // An animation JSON with a negative frame rate, and JSON Lines with absurd rotations: named, refused.
        let json = folder.appendingPathComponent("a.json")
        #expect(try Self.run(["animate", glosses.path, "-o", json.path]).status == 0)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        object["fps"] = -25
        let negative = folder.appendingPathComponent("negative.json")
        try JSONSerialization.data(withJSONObject: object).write(to: negative)
        Self.expectUserError(try Self.run(["render", negative.path, "-o", video.path, "--size", "160x120", "--quiet"]), negative.path, "fps")
        let lines = try String(contentsOf: track, encoding: .utf8).split(separator: "\n").map(String.init)
        var huge = lines
        huge[1] = huge[1].replacingOccurrences(of: #""rotations":[[1,"#, with: #""rotations":[[1e308,"#)
        huge[1] = huge[1].replacingOccurrences(of: #""rotations":[["#, with: #""rotations":[[1e308,0,0,0],["#)
        let hugeTrack = folder.appendingPathComponent("huge.jsonl")
        try Data(huge.joined(separator: "\n").utf8).write(to: hugeTrack)
        let rendered = try Self.run(["render", hugeTrack.path, "-o", video.path, "--size", "160x120", "--quiet"])
        Self.expectUserError(rendered, hugeTrack.path)
        #expect(!FileManager.default.fileExists(atPath: video.path))
    }

    @Test("10: a truncated WAV to transcribe and a truncated MP4 to render --overlay are refused as truncated")
    func truncatedMedia() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 10, rate: 16_000, channels: 1)
        let data = try Data(contentsOf: tone)
        let cut = folder.appendingPathComponent("cut.wav")
        try data.prefix(data.count / 4).write(to: cut)
        Self.expectUserError(try Self.run(["transcribe", cut.path, "--quiet"]), cut.path, "truncated")

        let (_, track) = try Self.animation(in: folder, text: "Cold.")
        let source = folder.appendingPathComponent("source.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=10",
                                  "-f", "lavfi", "-i", "sine=duration=10", "-c:v", "libx264", "-c:a", "aac", "-shortest", "-movflags", "+faststart", source.path])
        let video = try Data(contentsOf: source)
        let truncated = folder.appendingPathComponent("truncated.mp4")
        try video.prefix(video.count * 35 / 100).write(to: truncated)
        let out = folder.appendingPathComponent("o.mp4")
        let result = try Self.run(["render", track.path, "--overlay", truncated.path, "-o", out.path, "--quiet"])
        Self.expectUserError(result, truncated.path)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    // MARK: 6. signals

    @Test("6: SIGINT, SIGTERM and SIGHUP during render remove the partial output and exit 128 + signal")
    func signalsDuringRender() throws {
        let folder = try TestFiles.temporaryFolder()
        let (_, track) = try Self.animation(in: folder)
        for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, 143), (SIGHUP, 129)] {
            let video = folder.appendingPathComponent("v\(signal).mp4")
            let render = try Spawned(TestFiles.program, ["render", track.path, "-o", video.path, "--size", "1280x720", "--quiet"], in: folder)
            defer { render.kill() }
            let partial = ".v\(signal).mp4.\(render.process.processIdentifier).partial"
            #expect(Spawned.until(seconds: 20) { FileManager.default.fileExists(atPath: folder.appendingPathComponent(partial).path) },
                    "the render started writing")
            render.send(signal)
            #expect(render.wait(seconds: 5) == status, "\(render.errorText)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(partial).path))
            #expect(!FileManager.default.fileExists(atPath: video.path))
        }
    }

    @Test("6: SIGTERM while stdin is spooled removes the spool file and exits 143")
    func signalDuringSpool() throws {
        let folder = try TestFiles.temporaryFolder()
        let spool = try TestFiles.temporaryFolder("spool")
        let anchor = try Spawned(TestFiles.program, ["anchor", "-", "-o", folder.appendingPathComponent("x.mp4").path, "--quiet"],
                                 in: folder, environment: ["TMPDIR": spool.path])
        defer { anchor.kill() }
        anchor.input.fileHandleForWriting.write(Data(repeating: 7, count: 1 << 16))
        #expect(Spawned.until(seconds: 10) {
            (try? FileManager.default.contentsOfDirectory(atPath: spool.path))?.contains { $0.hasPrefix("signanchor-stdin-") } == true
        })
        anchor.send(SIGTERM)
        #expect(anchor.wait(seconds: 5) == 143, "\(anchor.errorText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path).isEmpty, "the spool is removed")
        anchor.closeInput()
    }
}
