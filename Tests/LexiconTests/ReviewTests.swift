import Foundation
import Lexicon
import Testing
import TestSupport

/// Review records, entry hashes and `lexicon review apply`/`report` on lexicon folders made in the test.
@Suite("signers' reviews")
struct ReviewTests {
    private func record(_ id: String, _ hash: String, _ verdict: ReviewVerdict, reviewer: String = "王芳",
                        time: String = "2026-12-01T10:00:00Z") -> ReviewRecord {
        ReviewRecord(reviewer: reviewer, time: time, signLanguage: "tsl", id: id, hash: hash, verdict: verdict, comment: "c")
    }

    private func write(_ records: [ReviewRecord], to folder: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent("reviews.jsonl")
        try Data(records.map { try ReviewLog.line($0) }.reduce(Data(), +)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("the hash changes with the form, not with verified or the review fields, and they round-trip")
    func hash() throws {
        let lexicon = try LexiconLoader.load(folder: LexiconFixtures.folder(["e.txt": LexiconFixtures.validEntries]).folder)
        var entry = try #require(lexicon.entry(id: "beijing"))
        let hash = lexicon.contentHash(of: entry)
        #expect(hash.count == 16 && hash.allSatisfy(\.isHexDigit))
        entry.verified = true
        entry.review = EntryReview(reviewer: "王芳", date: "2026-12-01")
        #expect(lexicon.contentHash(of: entry) == hash)
        let text = EntryWriter.text(entry)
        #expect(text.contains("verified: true\nreviewed-by: 王芳\nreviewed: 2026-12-01"))
        let reread = try LexiconLoader.load(folder: LexiconFixtures.folder(["e.txt": text + "\n"]).folder)
        #expect(reread.entry(id: "beijing") == entry)
        entry.timing.duration = 0.9
        #expect(lexicon.contentHash(of: entry) != hash, "a changed form is a new hash")
    }

    @Test("a compound's hash changes when one of its parts does")
    func compoundHash() throws {
        let compound = "\n\nid: bank-beijing\ngloss: 京行\ncategory: places\nzh-Hans: 京行\ncompound: beijing, bank-money\nsource: test\nverified: false\n"
        let before = try LexiconLoader.load(folder: LexiconFixtures.folder(["e.txt": LexiconFixtures.validEntries + compound]).folder)
        let edited = LexiconFixtures.validEntries.replacingOccurrences(of: "handshape=flat extfidir=o", with: "handshape=fist extfidir=o")
        let after = try LexiconLoader.load(folder: LexiconFixtures.folder(["e.txt": edited + compound]).folder)
        let hash = { (lexicon: Lexicon) in lexicon.entry(id: "bank-beijing").map(lexicon.contentHash(of:)) }
        #expect(try #require(hash(before)) != (try #require(hash(after))))
        #expect(before.entry(id: "beijing").map(before.contentHash(of:)) == after.entry(id: "beijing").map(after.contentHash(of:)))
    }

    @Test("a review field without its partner, or a day that is not one, is a named issue")
    func reviewFieldIssues() throws {
        let base = LexiconFixtures.validEntries.components(separatedBy: "\n\n")[0]
        let lonely = try LexiconFixtures.issues(base.replacingOccurrences(of: "verified: false", with: "verified: true\nreviewed-by: 王芳"))
        #expect(lonely.map(\.field) == ["reviewed"], "\(lonely)")
        let badDay = try LexiconFixtures.issues(base.replacingOccurrences(of: "verified: false",
                                                                         with: "verified: true\nreviewed-by: 王芳\nreviewed: yesterday"))
        #expect(badDay.map(\.field) == ["reviewed"] && badDay.first?.message.contains("YYYY-MM-DD") == true, "\(badDay)")
    }

    @Test("apply marks the latest correct reviews verified in the text, keeps the rest of the file, refuses changed entries")
    func apply() throws {
        let (root, folder) = try LexiconFixtures.folder(["e.txt": LexiconFixtures.validEntries])
        let lexicon = try LexiconLoader.load(folder: folder)
        let beijing = lexicon.contentHash(of: try #require(lexicon.entry(id: "beijing")))
        let river = lexicon.contentHash(of: try #require(lexicon.entry(id: "bank-river")))
        let records = [
            record("beijing", beijing, .wrong, time: "2026-12-01T09:00:00Z"),
            record("beijing", beijing, .correct, time: "2026-12-02T09:00:00Z"),  // the latest counts
            record("bank-river", river, .correct, reviewer: "Ann"),
            record("bank-river", river, .unsure, reviewer: "Bo"),  // latest: not accepted
            record("bank-money", "0123456789abcdef", .correct),  // changed since
            record("nowhere", river, .correct),
        ]
        let path = try write(records, to: root)
        let before = try String(contentsOfFile: folder + "/e.txt", encoding: .utf8)
        let dry = try ReviewApplication(try ReviewLog.read(path: path), root: root, dryRun: true)
        #expect(dry.applied.map(\.id) == ["beijing"])
        #expect(try String(contentsOfFile: folder + "/e.txt", encoding: .utf8) == before, "a dry run writes nothing")

        let result = try ReviewApplication(try ReviewLog.read(path: path), root: root)
        #expect(result.applied.map(\.id) == ["beijing"])
        #expect(result.notAccepted.map(\.id) == ["bank-river"])
        #expect(Set(result.refused.map(\.record.id)) == ["bank-money", "nowhere"])
        #expect(result.refused.first { $0.record.id == "bank-money" }?.reason.contains("changed since") == true)
        let after = try String(contentsOfFile: folder + "/e.txt", encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "source: test\nverified: false\nnote: a test entry",
                                                     with: "source: test\nverified: true\nreviewed-by: 王芳\nreviewed: 2026-12-02\nnote: a test entry"),
                "only the verified line of 北京 changed, and the review lines were added under it")
        let marked = try #require(try LexiconLoader.load(folder: folder).entry(id: "beijing"))
        #expect(marked.verified && marked.review == EntryReview(reviewer: "王芳", date: "2026-12-02"))

        let again = try ReviewApplication(try ReviewLog.read(path: path), root: root)
        #expect(again.applied.isEmpty && again.unchanged.map(\.id) == ["beijing"], "applying twice changes nothing")
        #expect(try String(contentsOfFile: folder + "/e.txt", encoding: .utf8) == after)
    }

    @Test("apply keeps CRLF line endings, comments inside entries and a file without a final line break")
    func applyKeepsTheFilesShape() throws {
        let commented = LexiconFixtures.validEntries.replacingOccurrences(of: "source: test\nverified: false\nnote: a test entry",
                                                                          with: "source: test\n# checked the mouthing\nverified: false\nnote: a test entry")
        let text = commented.replacingOccurrences(of: "\n", with: "\r\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let (root, folder) = try LexiconFixtures.folder(["e.txt": text])
        let lexicon = try LexiconLoader.load(folder: folder)
        let hash = lexicon.contentHash(of: try #require(lexicon.entry(id: "bank-river")))
        let path = try write([record("bank-river", hash, .correct)], to: root)
        let result = try ReviewApplication(try ReviewLog.read(path: path), root: root)
        #expect(result.applied.map(\.id) == ["bank-river"])
        let after = try String(contentsOfFile: folder + "/e.txt", encoding: .utf8)
        let expected = text.replacingOccurrences(of: "handshape=fist\r\nsource: test\r\nverified: false",
                                                 with: "handshape=fist\r\nsource: test\r\nverified: true\r\nreviewed-by: 王芳\r\nreviewed: 2026-12-01")
        #expect(after == expected, "only bank-river's lines changed, CRLF kept, no line break added at the end: \(after.debugDescription.suffix(200))")
        #expect(after.contains("# checked the mouthing\r\nverified: false"), "the comment inside 北京 is untouched")
        #expect(try LexiconLoader.load(folder: folder).entry(id: "bank-river")?.verified == true)
    }

    @Test("a bad review file names its line; the summary counts latest verdicts")
    func logAndSummary() throws {
        let root = try TestFiles.temporaryFolder().path
        let path = (root as NSString).appendingPathComponent("bad.jsonl")
        let good = String(decoding: try ReviewLog.line(record("a", "0123456789abcdef", .correct)), as: UTF8.self)
        try Data((good + "{\"reviewer\":\"x\"}\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LexiconError.self) { try ReviewLog.read(path: path) }
        do {
            _ = try ReviewLog.read(path: path)
        } catch let error as LexiconError {
            #expect(error.description.hasPrefix("\(path):2: review:"), "\(error)")
        }
        // A line cut off while being written (no line break) is named as such; a whole one without it is read.
        try Data((good + String(good.dropLast())).utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ReviewLog.read(path: path).count == 2)
        try Data((good + String(good.dropLast(10))).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ReviewLog.read(path: path)
            Issue.record("an incomplete last line must be refused")
        } catch let error as LexiconError {
            #expect(error.description.contains(":2: review: incomplete last line"), "\(error)")
        }
        var control = record("a", "0123456789abcdef", .correct)
        control.reviewer = "a\u{0}b"
        #expect(control.problem != nil, "control characters in a name")
        let summary = ReviewSummary([record("a", "0123456789abcdef", .correct), record("a", "0123456789abcdef", .wrong),
                                     record("b", "0123456789abcdef", .correct, reviewer: "Ann")])
        let tsl = try #require(summary.signLanguages.first)
        #expect(tsl.reviews == 3 && tsl.entries == 2 && tsl.latestVerdicts == ["correct": 1, "wrong": 1, "unsure": 0])
        #expect(tsl.toFix.map(\.id) == ["a"] && summary.reviewers == ["Ann", "王芳"])
    }
}
