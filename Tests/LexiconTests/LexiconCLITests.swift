import Foundation
import Testing
import TestSupport

@Suite("signanchor lexicon coverage and validate")
struct LexiconCLITests {
    private func run(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(TestFiles.program.path, ["lexicon"] + arguments, environment: ["SIGNANCHOR_LEXICON": LexiconFixtures.root])
    }

    @Test("coverage --top N prints the share, a line per kind and the fingerspelled words")
    func coverageOfTheTopWords() throws {
        let result = try run(["coverage", "--top", "50", "--language", "en", "--sign-language", "asl"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("asl: top 50 en content words") == true, "\(lines)")
        for kind in ["lexicon", "compound", "synonym", "segmentation", "characters", "fingerspelled"] {
            #expect(lines.contains { $0.hasPrefix("  \(kind) ") }, "\(kind)")
        }
        #expect(lines.contains("fingerspelled, most frequent first:"))
        let json = try run(["coverage", "--top", "20", "--language", "zh", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any]
        #expect((report?["marks"] as? [Any])?.count == 20)
    }

    @Test("bad coverage options and a broken compound are one line and exit 1")
    func errors() throws {
        for arguments in [["coverage", "--top", "0"], ["coverage"], ["coverage", "--top", "5", "--language", "fr"]] {
            let result = try run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count <= 2, "\(arguments): \(result.stderr)")
        }
        let folder = try LexiconFixtures.folder(["a.txt": CompoundTests.entries.replacingOccurrences(
            of: "compound: fire, vehicle", with: "compound: fire, vehicel")]).folder
        let result = try Shell.run(TestFiles.program.path, ["lexicon", "validate", folder])
        #expect(result.status == 1)
        #expect(result.output.contains("a.txt:38: compound: no entry 'vehicel' in tsl (part 2)"), "\(result.output)")
    }
}
