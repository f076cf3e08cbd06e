import Foundation
import Testing
import TestSupport

@Suite("signanchor transcribe")
struct TranscribeCLITests {
    @Test("JSON and SRT output of a short speech clip; user errors are one line, exit 1")
    func transcribe() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = try TestMedia.speech("Good evening, here is the news.", in: folder)
        let model = ["--model", WhisperTestData.modelPath]
        let json = try Shell.run(TestFiles.program.path, ["transcribe", wav.path, "--format", "json", "--beam", "1", "--quiet"] + model)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["language"] as? String == "en")
        let segments = try #require(object["segments"] as? [[String: Any]])
        let text = segments.compactMap { $0["text"] as? String }.joined(separator: " ")
        #expect(WhisperTestData.wordErrorRate(reference: "Good evening, here is the news.", hypothesis: text) <= 0.2)

        let srt = folder.appendingPathComponent("out.srt")
        let written = try Shell.run(TestFiles.program.path, ["transcribe", wav.path, "--format", "srt", "-o", srt.path, "--quiet"] + model)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: srt, encoding: .utf8).hasPrefix("1\n00:00:00,000 --> "))

        for (arguments, needle) in [(["transcribe", wav.path, "--model", "/nonexistent/model"], "/nonexistent/model"),
                                    (["transcribe", wav.path, "--language", "zh"] + model, "'zh'"),
                                    (["transcribe", wav.path, "--beam", "0"] + model, "beam"),
                                    (["transcribe", "/nonexistent.wav"] + model, "/nonexistent.wav")] {
            let result = try Shell.run(TestFiles.program.path, arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("signanchor: ") && result.stderr.contains(needle), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stdout.isEmpty)
        }
    }

    @Test("one thread and three threads write the same transcript and times (every split covers its whole range)")
    func threadCounts() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Real news speech: on a clean synthetic sentence even a wrong log-mel can give the same words.
        let clip = folder.appendingPathComponent("news12.wav")
        let trim = try Shell.run("/usr/bin/sox", [WhisperTestData.newsClip.path, clip.path, "trim", "0", "12"])
        #expect(trim.status == 0, "\(trim.stderr)")
        var outputs: [String] = []
        for threads in ["1", "3"] {
            let run = try Shell.run(TestFiles.program.path, ["transcribe", clip.path, "--model", WhisperTestData.modelPath,
                                                             "--beam", "1", "--format", "json", "--quiet"],
                                    environment: ["SIGNANCHOR_THREADS": threads])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(String(decoding: run.stdout, as: UTF8.self))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("City officials announced on Tuesday"), "\(outputs[0])")
    }
}
