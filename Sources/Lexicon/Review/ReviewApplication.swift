import AnchorCore
import Foundation

/// `lexicon review apply`: marks the entries that reviewers judged correct as verified in the lexicon's text files.
///
/// Only each entry's latest review counts. An accepted review sets `verified: true` and writes `reviewed-by:` and
/// `reviewed:` under it; nothing else in the file changes (comments, order and spacing stay as the author wrote them).
/// A review of an entry that has changed since (its ``Lexicon/contentHash(of:)`` differs) or no longer exists is
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
        var edits: [String: [Mark]] = [:]
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
                guard lexicon.contentHash(of: entry) == record.hash else {
                    refused.append(Refusal(record: record, reason: "\(code): '\(record.id)' changed since the review (review it again)"))
                    continue
                }
                let review = EntryReview(reviewer: record.reviewer, date: record.day)
                if entry.verified && entry.review == review {
                    unchanged.append(record)
                    continue
                }
                edits[lexicon.origins[index].file, default: []].append(Mark(signLanguage: code, id: entry.id, line: lexicon.origins[index].line, review: review))
                applied.append(record)
            }
        }
        files = edits.keys.sorted()
        guard !dryRun, !edits.isEmpty else { return }
        try Self.write(edits, root: root)
    }

    /// One entry to mark: where the lexicon loaded it from, and the review to write.
    struct Mark {
        var signLanguage: String
        var id: String
        var line: Int
        var review: EntryReview
    }

    /// Rewrites each file with its entries marked, then reloads the sign languages and checks every mark took;
    /// restores every file on any failure.
    private static func write(_ edits: [String: [Mark]], root: String) throws {
        var originals: [String: Data] = [:]
        do {
            for (file, marks) in edits.sorted(by: { $0.key < $1.key }) {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                originals[file] = data
                // Lines split at LF only, each keeping a CR of a CRLF file, so the file's line endings stay as they are.
                var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                // From the bottom up, so the line numbers of the entries above stay right.
                for mark in marks.sorted(by: { $0.line > $1.line }) {
                    try Self.mark(&lines, mark, file: file)
                }
                try AtomicOutput.write(Data(lines.joined(separator: "\n").utf8), to: file)
            }
            for code in Set(edits.values.joined().map(\.signLanguage)).sorted() {
                let lexicon = try LexiconLoader.load(root: root, signLanguage: code)
                for mark in edits.values.joined() where mark.signLanguage == code {
                    guard let entry = lexicon.entry(id: mark.id), entry.verified, entry.review == mark.review else {
                        throw LexiconError.invalid([LexiconIssue(file: root, line: mark.line, field: "verified",
                                                                 message: "\(code): '\(mark.id)' could not be marked verified")])
                    }
                }
            }
        } catch {
            for (file, data) in originals { try? AtomicOutput.write(data, to: file) }
            throw error
        }
    }

    /// Sets `verified: true` in the entry `mark` names and puts the review fields under it.
    /// - Throws: ``LexiconError/invalid(_:)`` when the entry is not at its line (the file changed since it was loaded).
    static func mark(_ lines: inout [String], _ mark: Mark, file: String) throws {
        func field(_ line: String) -> String { line.trimmingCharacters(in: .whitespacesAndNewlines) }
        let start = mark.line - 1
        var end = start
        while end < lines.count, !field(lines[end]).isEmpty { end += 1 }
        let moved = LexiconError.invalid([LexiconIssue(file: file, line: mark.line, field: "id",
                                                       message: "'\(mark.id)' is not where it was loaded from; was the file edited meanwhile?")])
        guard start >= 0, start < end, lines[start..<end].contains(where: { field($0) == "id: \(mark.id)" }) else { throw moved }
        let block = lines[start..<end].filter { !field($0).hasPrefix("reviewed-by:") && !field($0).hasPrefix("reviewed:") }
        guard let verified = block.firstIndex(where: { field($0).hasPrefix("verified:") }) else { throw moved }
        // New lines end as the file's lines do (CRLF when its first does); the last keeps the replaced line's ending
        // (none at the end of a file without a final line break).
        let ending = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        let last = block[verified].hasSuffix("\r") ? "\r" : ""
        var marked = Array(block)
        marked.replaceSubrange(verified..<verified + 1, with: ["verified: true\(ending)", "reviewed-by: \(mark.review.reviewer)\(ending)",
                                                               "reviewed: \(mark.review.date)\(last)"])
        lines.replaceSubrange(start..<end, with: marked)
    }
}
