import AnchorCore
import Foundation

/// `lexicon review apply`: marks the entries that reviewers judged correct as verified in the lexicon's text files.
///
/// Only each entry's latest review counts. An accepted review sets `verified: true` and writes `reviewed-by:` and
/// `reviewed:` under it; nothing else in the file changes (comments, order and spacing stay as the author wrote them).
/// A review of an entry that has changed since (its ``LexiconEntry/contentHash`` differs) or no longer exists is
/// refused and listed. Each file is replaced atomically, and the edited lexicon must load again, else every file is
/// put back as it was.
public struct ReviewApplication: Sendable {
    /// A review that was not applied, and why.
    public struct Refusal: Sendable {
        /// The review.
        public var record: ReviewRecord
        /// One line: "the entry changed since the review", "no such entry".
        public var reason: String
    }

    /// Reviews that marked an entry verified.
    public private(set) var applied: [ReviewRecord] = []
    /// Accepted reviews the entry already carried (a second run of the same file).
    public private(set) var unchanged: [ReviewRecord] = []
    /// Latest reviews that were not `correct`: nothing to apply.
    public private(set) var notAccepted: [ReviewRecord] = []
    /// Reviews refused.
    public private(set) var refused: [Refusal] = []
    /// The files rewritten (or that would be, with `dryRun`).
    public private(set) var files: [String] = []

    /// Applies `records` to the lexicon under `root`; with `dryRun`, works out the same result without writing.
    /// - Throws: ``LexiconError`` when a sign language cannot be loaded or a file cannot be written (nothing is
    ///   then left changed).
    public init(_ records: [ReviewRecord], root: String, dryRun: Bool = false) throws {
        var edits: [String: [(line: Int, review: EntryReview)]] = [:]
        let latest = ReviewLog.latest(records)
        for code in Set(latest.map(\.signLanguage)).sorted() {
            let lexicon = try LexiconLoader.load(root: root, signLanguage: code)
            let indices = Dictionary(lexicon.entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            for record in latest where record.signLanguage == code {
                guard record.verdict == .correct else {
                    notAccepted.append(record)
                    continue
                }
                guard let index = indices[record.id] else {
                    refused.append(Refusal(record: record, reason: "\(code): no entry '\(record.id)'"))
                    continue
                }
                let entry = lexicon.entries[index]
                guard entry.contentHash == record.hash else {
                    refused.append(Refusal(record: record, reason: "\(code): '\(record.id)' changed since the review (review it again)"))
                    continue
                }
                let review = EntryReview(reviewer: record.reviewer, date: record.day)
                if entry.verified && entry.review == review {
                    unchanged.append(record)
                    continue
                }
                edits[lexicon.origins[index].file, default: []].append((lexicon.origins[index].line, review))
                applied.append(record)
            }
        }
        files = edits.keys.sorted()
        guard !dryRun, !edits.isEmpty else { return }
        try Self.write(edits, root: root, signLanguages: Set(applied.map(\.signLanguage)))
    }

    /// Rewrites each file with its entries marked, then reloads the sign languages; restores every file on failure.
    private static func write(_ edits: [String: [(line: Int, review: EntryReview)]], root: String, signLanguages: Set<String>) throws {
        var originals: [String: Data] = [:]
        do {
            for (file, marks) in edits.sorted(by: { $0.key < $1.key }) {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                originals[file] = data
                guard var lines = String(data: data, encoding: .utf8)?.components(separatedBy: "\n") else {
                    throw LexiconError.cannotRead(path: file, reason: "not valid UTF-8")
                }
                // From the bottom up, so the line numbers of the entries above stay right.
                for mark in marks.sorted(by: { $0.line > $1.line }) {
                    try Self.mark(&lines, entryLine: mark.line, review: mark.review, file: file)
                }
                try AtomicOutput.write(Data(lines.joined(separator: "\n").utf8), to: file)
            }
            for code in signLanguages.sorted() { _ = try LexiconLoader.load(root: root, signLanguage: code) }
        } catch {
            for (file, data) in originals { try? AtomicOutput.write(data, to: file) }
            throw error
        }
    }

    /// Sets `verified: true` in the entry starting at 1-based `entryLine` and puts the review fields under it.
    static func mark(_ lines: inout [String], entryLine: Int, review: EntryReview, file: String) throws {
        let start = entryLine - 1
        var end = start
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty { end += 1 }
        let block = lines[start..<end].filter { !$0.hasPrefix("reviewed-by:") && !$0.hasPrefix("reviewed:") }
        guard let verified = block.firstIndex(where: { $0.hasPrefix("verified:") }) else {
            throw LexiconError.invalid([LexiconIssue(file: file, line: entryLine, field: "verified", message: "missing")])
        }
        var marked = Array(block)
        marked.replaceSubrange(verified..<verified + 1, with: ["verified: true", "reviewed-by: \(review.reviewer)", "reviewed: \(review.date)"])
        lines.replaceSubrange(start..<end, with: marked)
    }
}
