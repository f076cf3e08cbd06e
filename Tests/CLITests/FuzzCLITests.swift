import Foundation
import Testing
import TestSupport

/// A bounded fuzz run (about 45 s) over the parsers a user can feed: SRT, transcript JSON, animation JSON Lines,
/// lexicon entries and SiGML. Each input is a valid seed mutated a few times by a fixed-seed generator (so a failure
/// repeats); the program must never crash, exit 0 or 1 only, and leave no file when it fails.
@Suite("signanchor fuzz: mutated inputs to every parser", .serialized)
struct FuzzCLITests {
    /// Values that break parsers: huge, negative, non-numbers, separators, odd Unicode.
    static let nasty = ["-1", "1e308", "-1e308", "NaN", "0", "99:99:99,999", "-00:00:01,000", "-->", "\"", "{", "]", ",", "\0",
                        "\u{202E}", "😀", "4294967296", "-0", ":", "=", "<", "/>", "&amp;", String(repeating: "9", count: 400)]

    /// `seed` changed by 1–4 mutations: a byte flipped, a span cut, a line repeated or dropped, a nasty value spliced in.
    static func mutate(_ seed: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0...random.below(4) {
            guard !bytes.isEmpty else { break }
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0: bytes[at] ^= UInt8(1 << random.below(8))
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(64)))
            case 2: bytes = Array(bytes.prefix(at))
            case 3:
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let line = random.below(lines.count)
                var copy = Array(lines)
                if random.below(2) == 0 { copy.insert(lines[line], at: random.below(lines.count)) } else { copy.remove(at: line) }
                bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
            default:
                // Replace a number-like or word-like run with a nasty value.
                var end = at
                while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\n"), end - at < 24 { end += 1 }
                bytes.replaceSubrange(at..<end, with: Array(nasty[random.below(nasty.count)].utf8))
            }
        }
        return bytes
    }

    /// One parser under test: a seed file and the command that reads a mutated copy into `output`.
    struct Target {
        let name: String
        let seed: [UInt8]
        let fileName: String
        let command: (_ input: URL, _ output: URL) -> [String]
    }

    @Test("mutated SRT, transcript JSON, animation JSON Lines, lexicon entries and SiGML: exit 0 or 1, never a crash, no file on failure")
    func fuzz() throws {
        let folder = try TestFiles.temporaryFolder()
        let program = TestFiles.program.path
        // Seeds made by the program itself (animation) or written here and from the project's data.
        let srt = "1\n00:00:01,000 --> 00:00:03,500\nThe weather tomorrow will be cold.\n\n2\n00:00:04,000 --> 00:00:06,000\nThe team won the match.\n"
        let transcript = #"{"language":"en","duration":6.5,"segments":[{"start":0.5,"end":3.2,"text":"The weather tomorrow will be cold."},{"start":3.5,"end":6.0,"text":"The team won the match."}]}"#
        let glosses = folder.appendingPathComponent("seed-glosses.json"), track = folder.appendingPathComponent("seed.jsonl")
        try Shell.must(program, ["gloss", "--text", "Cold today.", "--sign-language", "asl", "--format", "json", "-o", glosses.path])
        try Shell.must(program, ["animate", glosses.path, "-o", track.path])
        let lexiconSource = TestFiles.packageRoot.appendingPathComponent("Lexicon/asl")
        let language = folder.appendingPathComponent("lexicon/asl")
        try FileManager.default.createDirectory(at: language.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: lexiconSource, to: language)
        let entries = try Data(contentsOf: language.appendingPathComponent("time.txt"))
        let sigml = try Data(contentsOf: TestFiles.sharedData.appendingPathComponent("ngt-sigml/1.sigml"))

        let targets = [
            Target(name: "srt", seed: Array(srt.utf8), fileName: "in.srt") { ["distill", $0.path, "--quiet", "-o", $1.path] },
            Target(name: "transcript", seed: Array(transcript.utf8), fileName: "in.json") {
                ["gloss", $0.path, "--sign-language", "asl", "--format", "json", "-o", $1.path]
            },
            Target(name: "animation", seed: Array(try Data(contentsOf: track)), fileName: "in.jsonl") {
                ["render", $0.path, "--size", "32x24", "--quiet", "-o", $1.path]
            },
            Target(name: "lexicon", seed: Array(entries), fileName: "time.txt") { _, _ in ["lexicon", "validate", language.path] },
            Target(name: "sigml", seed: Array(sigml), fileName: "in.sigml") { ["animate-sign", "--sigml", $0.path, "-o", $1.path] },
        ]
        let outputs = ["srt": "out.txt", "transcript": "out.json", "animation": "out.mp4", "lexicon": "", "sigml": "out.jsonl"]

        var random = SplitMix64(state: 17)
        let deadline = Date().addingTimeInterval(45)
        var runs = 0, failures = 0
        var round = 0
        while Date() < deadline && round < 40 {
            for target in targets where Date() < deadline {
                let work = folder.appendingPathComponent("\(target.name)-\(round)")
                try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
                let mutated = Data(Self.mutate(target.seed, &random))
                let input = target.name == "lexicon" ? language.appendingPathComponent("time.txt") : work.appendingPathComponent(target.fileName)
                try mutated.write(to: input)
                let output = work.appendingPathComponent(outputs[target.name] ?? "out")
                let result = try Shell.run(program, target.command(input, output))
                runs += 1
                #expect(result.status == 0 || result.status == 1,
                        "\(target.name) round \(round): exit \(result.status)\n\(result.stderr.prefix(600))\ninput: \(String(decoding: mutated.prefix(400), as: UTF8.self))")
                if result.status == 1 {
                    failures += 1
                    #expect(result.stderr.split(separator: "\n").count <= 2, "\(target.name) round \(round): \(result.stderr.prefix(600))")
                    if outputs[target.name]?.isEmpty == false {
                        #expect(!FileManager.default.fileExists(atPath: output.path), "\(target.name) round \(round): output left on failure")
                    }
                }
                let left = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".partial") }
                #expect(left.isEmpty, "\(target.name) round \(round): \(left)")
            }
            round += 1
        }
        try Data(entries).write(to: language.appendingPathComponent("time.txt"))
        #expect(runs >= 25, "the fuzz run did real work (\(runs) runs, \(failures) refused)")
        print("fuzz: \(runs) runs in \(round) rounds, \(failures) refused with exit 1")
    }
}
