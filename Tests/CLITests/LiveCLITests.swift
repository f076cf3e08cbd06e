import Foundation
import Testing
import TestSupport

/// `anchor --live` fed by processes that write audio in real time (ffmpeg -re), through the real program.
/// Delays are recorded in the report and checked for sense, not timed: the latency target is in scripts/bench.
@Suite("signanchor anchor --live", .serialized)
struct LiveCLITests {
    static let sentence = "The weather tomorrow will be cold. The team won the match today."

    /// Runs a shell pipeline (the writer process and the program), failing the pipeline if either fails.
    static func pipeline(_ command: String) throws -> Shell.Result {
        try Shell.run("/bin/bash", ["-c", "set -o pipefail; " + command])
    }

    /// The JSON objects of a JSON Lines file.
    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("stdin written in real time → MPEG-TS avatar stream and JSON Lines on the same clock, delays logged")
    func stdinStream() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech(Self.sentence, in: folder)
        let video = folder.appendingPathComponent("avatar.ts"), stream = folder.appendingPathComponent("avatar.jsonl")
        let reportFile = folder.appendingPathComponent("live.json")
        let result = try Self.pipeline("""
            ffmpeg -v error -re -i '\(speech.path)' -c:a aac -f mpegts - | '\(TestFiles.program.path)' anchor --live - \
            -o '\(video.path)' --animation-stream '\(stream.path)' --report '\(reportFile.path)' --size 160x120 --beam 1 --input-timeout 2 --max-backlog 60
            """)
        // A generous backlog: on a machine busy with other tests recognition may lag, and this test is about the
        // pipeline; the delay target lives in scripts/bench live.
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("delay"), "one line per signed utterance: \(result.stderr)")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reportFile)) as? [String: Any])
        let entries = try #require(report["entries"] as? [[String: Any]])
        let speechSeconds = try MediaProbe.audioDuration(speech)
        #expect(!entries.isEmpty && report["signedUtterances"] as? Int == entries.count)
        #expect(abs(try #require(report["inputSeconds"] as? Double) - speechSeconds) < 0.3, "the whole input was read")
        let signed = entries.flatMap { $0["glosses"] as? [String] ?? [] }
        #expect(signed.contains { ["WEATHER", "COLD", "TOMORROW", "TEAM", "WIN", "MATCH", "TODAY"].contains($0) }, "\(signed)")
        for entry in entries {
            let start = try #require(entry["speechStart"] as? Double), signing = try #require(entry["signingStart"] as? Double)
            #expect(signing >= start, "signing never starts before its speech")
            #expect(try #require(entry["delay"] as? Double) > 0)
        }

        // The video and the animation stream have the same frames, and the video decodes to its stated length.
        let outputSeconds = try #require(report["outputSeconds"] as? Double)
        let info = try TestMedia.probeVideo(video)
        #expect(info.frames == Int((outputSeconds * 25).rounded()))
        #expect(outputSeconds >= speechSeconds - 0.5)
        let lines = try Self.lines(stream)
        #expect(lines.first?["type"] as? String == "header")
        let frames = lines.filter { $0["type"] as? String == "frame" }
        #expect(frames.count == info.frames)
        #expect(frames.enumerated().allSatisfy { $0.element["index"] as? Int == $0.offset })
        // Each utterance is announced just before the frame where its signing starts, and the avatar moves then.
        for (index, line) in lines.enumerated() where line["type"] as? String == "signs" {
            let next = lines[index + 1]
            let start = try #require(line["start"] as? Double)
            #expect(abs(try #require(next["time"] as? Double) - start) < 0.041)
        }
        let rotations = frames.map { $0["rotations"] as? [[Double]] ?? [] }
        let firstSigning = try #require(entries.first?["signingStart"] as? Double)
        let moving = Int((firstSigning + 0.6) * 25)
        #expect(moving < rotations.count && rotations[moving] != rotations[0], "the hands have left rest while signing")
    }

    @Test("a file still being written is followed until it stops growing")
    func growingFile() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech(Self.sentence, in: folder)
        let growing = folder.appendingPathComponent("growing.ts"), stream = folder.appendingPathComponent("avatar.jsonl")
        let reportFile = folder.appendingPathComponent("live.json")
        let result = try Self.pipeline("""
            ffmpeg -v error -re -i '\(speech.path)' -c:a aac -flush_packets 1 -f mpegts '\(growing.path)' & sleep 1; \
            '\(TestFiles.program.path)' anchor --live '\(growing.path)' --animation-stream '\(stream.path)' \
            --report '\(reportFile.path)' --beam 1 --input-timeout 2 --max-backlog 60 --quiet; status=$?; wait; exit $status
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: reportFile)) as? [String: Any])
        let speechSeconds = try MediaProbe.audioDuration(speech)
        #expect(abs(try #require(report["inputSeconds"] as? Double) - speechSeconds) < 0.3,
                "read to the end of what the writer wrote, not of what existed at the start")
        #expect(try #require(report["signedUtterances"] as? Int) >= 1)
    }

    @Test("bad live jobs: one line, exit 1, nothing written", arguments: [
        ["--live", "/nonexistent/news.ts", "-o", "OUT/avatar.ts"],
        ["--live", "SPEECH"],
        ["--live", "SPEECH", "--text", "hello", "-o", "OUT/avatar.ts"],
        ["--live", "SPEECH", "-o", "-", "--animation-stream", "-"],
        ["--live", "SPEECH", "-o", "OUT/avatar.ts", "--input-timeout", "0"],
        ["--live", "SPEECH", "-o", "OUT/avatar.ts", "--max-backlog", "0"],
        ["--live", "SPEECH", "-o", "/nonexistent-folder/avatar.ts"],
    ])
    func badLiveJobs(_ arguments: [String]) throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("Hello.", in: folder)
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let resolved = arguments.map { $0.replacingOccurrences(of: "SPEECH", with: speech.path).replacingOccurrences(of: "OUT", with: outputs.path) }
        let result = try Shell.run(TestFiles.program.path, ["anchor"] + resolved, input: Data())
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.path).isEmpty)
    }
}
