import AnchorCore
import ArgumentParser
import Foundation
import Lexicon

/// `signanchor lexicon review …`: what signers said about entries in the web review (`serve --review-file`).
struct LexiconReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Apply or summarise signers' reviews from a review file (JSON Lines written by serve --review-file).",
        subcommands: [LexiconReviewApplyCommand.self, LexiconReviewReportCommand.self]
    )
}

/// `signanchor lexicon review apply REVIEWS.jsonl`: accepted reviews become `verified: true` in the lexicon files.
struct LexiconReviewApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Mark entries reviewed as correct verified (verified: true, reviewed-by:, reviewed:) in the lexicon files.",
        discussion: """
        Each entry's latest review counts. A review of an entry that changed since (its content hash differs) or no \
        longer exists is refused and listed; the others are applied. Only the verified and review lines of the \
        entries change; each file is replaced whole, and put back if the edited lexicon does not load.
        """
    )

    @Argument(help: "The review file (JSON Lines).")
    var reviews: String

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @Flag(help: "Say what would change without writing.")
    var dryRun = false

    func run() async throws {
        let records = try ReviewLog.read(path: reviews)
        let result = try ReviewApplication(records, root: try lexicon ?? LexiconLoader.defaultRoot(), dryRun: dryRun)
        for refusal in result.refused {
            Console.note("refused: \(refusal.reason) (reviewed by \(refusal.record.reviewer) at \(refusal.record.time))")
        }
        for record in result.applied { print("\(dryRun ? "would verify" : "verified") \(record.signLanguage) \(record.id) (\(record.reviewer), \(record.day))") }
        Console.note("\(reviews): \(records.count) reviews; \(result.applied.count) entries \(dryRun ? "would be " : "")marked verified in "
                     + "\(result.files.count) files, \(result.unchanged.count) already were, \(result.notAccepted.count) judged wrong or unsure, "
                     + "\(result.refused.count) refused")
    }
}

/// `signanchor lexicon review report REVIEWS.jsonl`: verdicts per sign language and the entries to fix.
struct LexiconReviewReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarise a review file: latest verdicts per sign language and the entries judged wrong or unsure."
    )

    @Argument(help: "The review file (JSON Lines).")
    var reviews: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let summary = ReviewSummary(try ReviewLog.read(path: reviews))
        switch format {
        case .json: try Console.emit(try JSON.encode(summary), to: nil)
        case .text:
            var lines = ["reviewers: \(summary.reviewers.isEmpty ? "none" : summary.reviewers.joined(separator: ", "))"]
            for language in summary.signLanguages {
                let verdicts = ReviewVerdict.allCases.map { "\($0.rawValue) \(language.latestVerdicts[$0.rawValue] ?? 0)" }
                lines.append("\(language.signLanguage): \(language.reviews) reviews of \(language.entries) entries; latest: "
                             + verdicts.joined(separator: ", "))
                for record in language.toFix {
                    let said = [record.comment, record.correction.map { "correction: \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }
                    lines.append("  \(record.verdict.rawValue) \(record.id) (\(record.reviewer), \(record.day))"
                                 + (said.isEmpty ? "" : ": " + said.joined(separator: "; ")))
                }
            }
            try Console.emit(lines.joined(separator: "\n") + "\n", to: nil)
        }
    }
}
