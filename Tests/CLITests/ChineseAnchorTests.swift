import Foundation
import Testing
import TestSupport

/// Chinese speech in, CSL out, with the default (multilingual) model and no options; language choices and refusals.
@Suite("signanchor anchor: the speech's language chooses the sign language", .serialized)
struct ChineseAnchorTests {
    static let chineseClip = TestFiles.sharedData.appendingPathComponent("news-zh/news-zh.m4a")

    static func run(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(TestFiles.program.path, arguments)
    }

    @Test("Chinese news with no options → a CSL video and a report that says zh and csl")
    func chineseNews() throws {
        let folder = try TestFiles.temporaryFolder()
        let video = folder.appendingPathComponent("csl.mp4")
        let result = try Self.run(["anchor", Self.chineseClip.path, "-o", video.path, "--export", "srt", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try AnchorCLITests.report(video)
        #expect(report["speechLanguage"] as? String == "zh")
        #expect((report["speechLanguageProbability"] as? Double ?? 0) > 0.8)
        #expect(report["signLanguage"] as? String == "csl")
        #expect(try #require(report["glossCount"] as? Int) >= 10)
        let info = try TestMedia.probeVideo(video)
        #expect(info.duration >= 41, "the video covers the 41.7 s of speech")
        // The gloss subtitles are CSL glosses: Chinese characters, not English words.
        let srt = try String(contentsOf: folder.appendingPathComponent("csl.srt"), encoding: .utf8)
        #expect(srt.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(srt)")
    }

    @Test("transcribe --format json gives the detected language and its probability")
    func transcribeLanguage() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("Good evening, here is the news.", in: folder)
        let json = try Self.run(["transcribe", speech.path, "--format", "json", "--beam", "1", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["language"] as? String == "en")
        #expect((object["languageProbability"] as? Double ?? 0) > 0.5, "\(object)")
    }

    @Test("speech the sign language does not sign, or a language we cannot sign: one line naming both, exit 1, nothing written")
    func refusals() throws {
        let folder = try TestFiles.temporaryFolder()
        let french = try TestMedia.speech("Bonsoir, voici les informations. Demain il fera froid à Paris.", in: folder,
                                          name: "french.wav", voice: "fr")
        let outputs = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let video = outputs.appendingPathComponent("x.mp4").path
        for (arguments, needles) in [
            (["anchor", Self.chineseClip.path, "--sign-language", "asl", "-o", video], ["Chinese", "asl", "English"]),
            (["anchor", french.path, "-o", video], ["'fr'", "csl", "asl"]),
            (["anchor", Self.chineseClip.path, "--model", "tiny.en", "--sign-language", "csl", "-o", video], ["English-only"]),
            (["anchor", Self.chineseClip.path, "--language", "de", "-o", video], ["'de'"]),
            (["anchor", "--text", "今天北京下雪。", "--sign-language", "asl", "-o", video], ["Chinese", "asl"]),
        ] {
            let result = try Self.run(arguments + ["--beam", "1", "--quiet"])
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            for needle in needles { #expect(result.stderr.contains(needle), "\(arguments): \(result.stderr)") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.path).isEmpty)
    }

    @Test("Chinese text without --sign-language is signed in CSL, English text in ASL")
    func textScript() throws {
        let folder = try TestFiles.temporaryFolder()
        for (text, expected) in [("今天北京下雪。", "csl"), ("Today it snows in Beijing.", "asl")] {
            let video = folder.appendingPathComponent("\(expected).mp4")
            let result = try Self.run(["anchor", "--text", text, "-o", video.path, "--size", "160x120", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try AnchorCLITests.report(video)["signLanguage"] as? String == expected)
        }
    }
}
