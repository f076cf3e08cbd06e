import Foundation
import Testing
import TestSupport

/// Key-fact retention of `signanchor distill` on the shared dev texts at news pace, measured by the shared
/// `meaning-eval.py` (issue 15), asserted as floors; and the audit the text and JSON formats show.
@Suite("signanchor distill: meaning floors and audit")
struct DistillMeaningCLITests {
    static let tools = TestFiles.sharedData.deletingLastPathComponent().appendingPathComponent("tools")

    /// Retention percent and output rate per minute of `meaning-eval.py` on the dev text of `language`.
    private func measure(_ language: String, rate: String, unit: String) throws -> (retention: Double, rate: Double) {
        let data = TestFiles.sharedData.appendingPathComponent("news-\(language)")
        let srt = try TestFiles.temporaryFolder().appendingPathComponent("\(language).srt")
        let timed = try Shell.must("python3", [Self.tools.appendingPathComponent("make-srt.py").path,
                                               data.appendingPathComponent("news.txt").path, rate, unit])
        try timed.stdout.write(to: srt)
        let result = try Shell.must("python3", [Self.tools.appendingPathComponent("meaning-eval.py").path, TestFiles.program.path,
                                                data.appendingPathComponent("facts.json").path, srt.path])
        let last = try #require(result.output.split(separator: "\n").last.map(String.init))
        let numbers = last.split { !($0.isNumber || $0 == ".") }.compactMap { Double($0) }
        // "retention: P% (k/n); rate out R/min"
        return (try #require(numbers.first), try #require(numbers.last))
    }

    /// Floors one fact below what was measured: 80 % (16/20, zh) and 82 % (23/28, en) on 2026-12-08 (issue 15 asks
    /// for 80 %; en was 75 % before words beyond a sentence's core had to leave later sentences the time for
    /// theirs, and 79 % before files let them use the time later sentences leave rather than half the lag), with signing time counting the pause that ends each sentence as the avatar really signs it (the
    /// 80 % and 82 % measured before that were scheduled with signing times 0.8 s a sentence short, so the avatar fell
    /// 23 s behind in 150 s of news; 25 % and 64 % before the structure-aware distiller). Rates must stay in the
    /// target bands.
    @Test("dev texts at news pace keep their key facts at the signing rate",
          .enabled(if: FileManager.default.fileExists(atPath: tools.appendingPathComponent("meaning-eval.py").path)))
    func devTextFloors() throws {
        let chinese = try measure("zh", rate: "280", unit: "chars")
        #expect(chinese.retention >= 75, "zh retention \(chinese.retention) %")
        #expect((55...95).contains(chinese.rate), "zh rate \(chinese.rate) chars/min")
        let english = try measure("en", rate: "170", unit: "words")
        #expect(english.retention >= 78, "en retention \(english.retention) %")
        #expect((30...75).contains(english.rate), "en rate \(english.rate) words/min")
    }

    @Test("text and JSON show the source, what is signed and what was dropped")
    func audit() throws {
        let folder = try TestFiles.temporaryFolder()
        let input = folder.appendingPathComponent("news.txt")
        try "体育方面，组委会说，中国女子冰球队在首场比赛中以四比一战胜对手，主教练表扬了年轻的守门员。".write(to: input, atomically: true, encoding: .utf8)
        let text = try Shell.must(TestFiles.program.path, ["distill", input.path, "--quiet"]).output
        #expect(text.contains("source:  体育方面"))
        #expect(text.contains("dropped: "))
        let json = try Shell.must(TestFiles.program.path, ["distill", input.path, "--format", "json", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let passage = try #require((object["passages"] as? [[String: Any]])?.first)
        let dropped = try #require(passage["dropped"] as? [String: [String]])
        let signed = try #require(passage["text"] as? String)
        #expect(signed.contains("4比1") && signed.contains("战胜"), "the score, in digits as subtitles write it: \(signed)")
        #expect(dropped["numbers"] == [])
        #expect(dropped["words"]?.contains("体育") == true)
    }
}
