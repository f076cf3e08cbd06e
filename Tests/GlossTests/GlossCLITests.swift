import Foundation
import Gloss
import Testing
import TestSupport

@Suite("signanchor gloss")
struct GlossCLITests {
    private func run(_ arguments: [String], input: Data? = nil) throws -> Shell.Result {
        try Shell.run(TestFiles.program.path, ["gloss"] + arguments, input: input,
                      environment: ["SIGNANCHOR_LEXICON": Translators.root])
    }

    @Test("text output: glosses by spaces, sentences by ' | '; coverage percentages")
    func text() throws {
        let result = try run(["--sign-language", "asl", "--text", "My name is Amit. What is your name?", "--coverage"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "MY NAME fs-AMIT . | YOUR NAME WHAT ?")
        #expect(lines.count >= 3 && lines[1].hasPrefix("coverage: ") && lines[1].contains("dropped 2 (25.0%)"))
        #expect(lines[2].contains("is/dropped"))
    }

    @Test("JSON decodes as a GlossSequence; a transcript and subtitles are timed inputs")
    func json() throws {
        let folder = try TestFiles.temporaryFolder()
        let transcript = folder.appendingPathComponent("t.json")
        try Data(#"{"language":"zh","duration":4,"segments":[{"start":0,"end":4,"text":"我去上海。"}]}"#.utf8).write(to: transcript)
        let result = try run([transcript.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let sequence = try JSONDecoder().decode(GlossSequence.self, from: result.stdout)
        #expect(sequence.signLanguage == "csl" && sequence.glosses.first?.start == 1.6)

        let srt = folder.appendingPathComponent("s.srt")
        try Data("1\n00:00:01,000 --> 00:00:03,000\nI like coffee.\n\n".utf8).write(to: srt)
        let subtitles = try run([srt.path, "--sign-language", "asl", "--format", "json"])
        #expect(subtitles.status == 0, "\(subtitles.stderr)")
        let timed = try JSONDecoder().decode(GlossSequence.self, from: subtitles.stdout)
        #expect(timed.glosses.first?.start == 1)
    }

    @Test("user errors are one line and exit 1")
    func userErrors() throws {
        for arguments in [["--text", "  "], ["/no/such/file.txt"], ["--text", "x", "--sign-language", "zzz"], []] {
            let result = try run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")
        }
    }
}
