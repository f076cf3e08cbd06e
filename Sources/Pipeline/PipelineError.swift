import AnchorCore

/// What can go wrong wiring the stages together (each stage reports its own errors).
public enum PipelineError: AnchorError, Equatable {
    /// The options do not fit together or the input cannot serve the job.
    case invalidJob(String)

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .invalidJob(message): message
        }
    }
}
