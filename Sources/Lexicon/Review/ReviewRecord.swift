import Foundation

/// A signer's judgement of one entry.
public enum ReviewVerdict: String, Sendable, Codable, CaseIterable {
    /// The form is right: `lexicon review apply` marks the entry verified.
    case correct
    /// The form is wrong; the comment or correction says how.
    case wrong
    /// The reviewer is not sure.
    case unsure
}

/// One line of a review file (JSON Lines): who judged which entry, in which state, and how.
///
/// Written by `serve --review-file` (`POST /review`), read by `lexicon review apply` and `lexicon review report`.
public struct ReviewRecord: Sendable, Codable, Equatable {
    /// The reviewer's name as typed in the form (nothing is trusted on it: there is no login).
    public var reviewer: String
    /// When the review was recorded, ISO 8601 UTC (`2026-12-06T20:41:07Z`).
    public var time: String
    /// The sign language code (`csl`, `asl`).
    public var signLanguage: String
    /// The entry's id.
    public var id: String
    /// ``Lexicon/contentHash(of:)`` of the entry the reviewer saw.
    public var hash: String
    /// The judgement.
    public var verdict: ReviewVerdict
    /// Free remarks.
    public var comment: String?
    /// A corrected description of the form, in words, when the reviewer gave one.
    public var correction: String?

    /// Creates a record.
    public init(reviewer: String, time: String, signLanguage: String, id: String, hash: String, verdict: ReviewVerdict,
                comment: String? = nil, correction: String? = nil) {
        self.reviewer = reviewer
        self.time = time
        self.signLanguage = signLanguage
        self.id = id
        self.hash = hash
        self.verdict = verdict
        self.comment = comment
        self.correction = correction
    }

    /// The day of ``time`` (`YYYY-MM-DD`), as the entry's `reviewed:` field takes it.
    public var day: String { String(time.prefix(10)) }

    /// `date` as ``time`` writes it.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The record's problem for a review file, nil when it is well-formed: a name, an id and a hash, a timestamp.
    public var problem: String? {
        if reviewer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "empty reviewer" }
        // The name becomes a `reviewed-by:` line of a lexicon file: one line of printable text.
        if reviewer.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .lineSeparator
            || $0.properties.generalCategory == .paragraphSeparator }) {
            return "the reviewer's name has a line break or control character"
        }
        if id.isEmpty || signLanguage.isEmpty { return "empty id or sign language" }
        if hash.count != 16 || !hash.allSatisfy(\.isHexDigit) { return "hash '\(hash)' is not 16 hex digits" }
        if !EntryReview.isDay(day) { return "time '\(time)' is not ISO 8601" }
        return nil
    }
}
