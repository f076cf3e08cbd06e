import AnchorCore

/// Everything the HTTP service itself rejects or fails at; the stages' own errors pass through as they are.
public enum ServiceError: AnchorError, Equatable {
    /// The request is malformed: bad JSON, a missing or invalid parameter.
    case badRequest(String)
    /// No such word, job or route.
    case notFound(String)
    /// The path exists, but not for this method.
    case methodNotAllowed(method: String, path: String, allowed: [String])
    /// The request body is larger than the endpoint accepts, in bytes.
    case tooLarge(limit: Int)
    /// The answer would be larger than the request allows (bytes of the answer, the limit for this request).
    case answerTooLarge(bytes: Int, limit: Int)
    /// The client hung up before its request body arrived (logged as 499, nginx's "client closed request").
    case clientClosedRequest
    /// The job exists but has no result (yet, or it failed).
    case notReady(String)
    /// The request was made against a state that has changed since (a review of an entry edited meanwhile).
    case conflict(String)
    /// The address could not be listened on (taken, not this machine's, not allowed).
    case cannotListen(address: String, reason: String)
    /// The server could not do its own work, such as making the job folder.
    case failed(String)

    public var isUserError: Bool {
        switch self {
        case .badRequest, .notFound, .methodNotAllowed, .tooLarge, .answerTooLarge, .clientClosedRequest, .notReady, .conflict, .cannotListen: true
        case .failed: false
        }
    }

    public var description: String {
        switch self {
        case let .badRequest(message), let .notFound(message), let .notReady(message), let .conflict(message), let .failed(message): message
        case let .methodNotAllowed(method, path, allowed): "\(method) is not allowed on \(path) (allowed: \(allowed.joined(separator: ", ")))"
        case let .tooLarge(limit): "request body too large (limit \(limit) bytes)"
        case .clientClosedRequest: "the client closed the connection before the request body arrived"
        case let .answerTooLarge(bytes, limit):
            "the answer would be \(bytes) bytes, over this request's limit of \(limit) bytes; send less text per request"
        case let .cannotListen(address, reason): "\(address): cannot listen: \(reason)"
        }
    }
}
