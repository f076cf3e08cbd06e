/// `lexicon review report`: what reviewers said, per sign language, from a review file.
public struct ReviewSummary: Sendable, Encodable {
    /// One sign language's reviews.
    public struct Language: Sendable, Encodable {
        /// The sign language code.
        public var signLanguage: String
        /// Review lines, all of them.
        public var reviews: Int
        /// Entries reviewed at least once.
        public var entries: Int
        /// Entries by their latest verdict (`correct`, `wrong`, `unsure`).
        public var latestVerdicts: [String: Int]
        /// Entries whose latest verdict is wrong or unsure, with what the reviewer said: the authors' work list.
        public var toFix: [ReviewRecord]
    }

    /// Each sign language with reviews, by code.
    public var signLanguages: [Language]
    /// Distinct reviewer names.
    public var reviewers: [String]

    /// Summarises `records` (oldest first).
    public init(_ records: [ReviewRecord]) {
        let latest = ReviewLog.latest(records)
        signLanguages = Set(records.map(\.signLanguage)).sorted().map { code in
            let mine = latest.filter { $0.signLanguage == code }
            var verdicts: [String: Int] = [:]
            for verdict in ReviewVerdict.allCases { verdicts[verdict.rawValue] = mine.filter { $0.verdict == verdict }.count }
            return Language(signLanguage: code, reviews: records.filter { $0.signLanguage == code }.count, entries: mine.count,
                            latestVerdicts: verdicts, toFix: mine.filter { $0.verdict != .correct })
        }
        reviewers = Set(records.map(\.reviewer)).sorted()
    }
}
