/// How far a long-running stage has got, reported to a progress bar or an HTTP job.
public struct StageProgress: Sendable, Equatable {
    /// What is being done, such as "decoding" or "transcribing".
    public var stage: String
    /// Work done, in the unit of `total` (seconds of media, frames, …).
    public var completed: Double
    /// Total work when known (a file's duration), nil for a live stream.
    public var total: Double?

    /// Creates a progress report.
    public init(stage: String, completed: Double, total: Double?) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }

    /// Fraction done in [0, 1] when the total is known.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, completed / total))
    }
}

/// Receives progress reports; called from the working thread, so it must be cheap and thread-safe.
public typealias ProgressHandler = @Sendable (StageProgress) -> Void
