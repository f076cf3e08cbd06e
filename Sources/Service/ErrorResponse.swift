import AnchorCore
import Foundation
import Hummingbird
import Lexicon

/// The HTTP status and one-line message for any error a handler throws, answered as `{"error": "…"}`.
struct ErrorResponse: Encodable {
    /// The message.
    private(set) var error: String
    /// The status it is answered with.
    let status: HTTPResponse.Status

    private enum CodingKeys: String, CodingKey { case error }

    /// Maps `error`: the service's own by kind, a missing lexicon entry to 404, other stage errors to 400 when the
    /// input is at fault and 500 otherwise, Hummingbird's and NIO's (unknown route, body too large) by their status.
    init(_ error: any Error) {
        switch error {
        case let error as ServiceError:
            switch error {
            case .badRequest: status = .badRequest
            case .notFound: status = .notFound
            case .methodNotAllowed: status = .methodNotAllowed
            case .tooLarge, .answerTooLarge: status = .contentTooLarge
            case .clientClosedRequest: status = .init(code: 499, reasonPhrase: "Client Closed Request")
            case .notReady, .conflict: status = .conflict
            case .cannotListen, .failed: status = .internalServerError
            }
            self.error = error.description
        case let error as LexiconError:
            if case .notFound = error { status = .notFound } else { status = .badRequest }
            self.error = error.description
        case let error as any AnchorError:
            status = error.isUserError ? .badRequest : .internalServerError
            self.error = error.description
        case let error as HTTPError:
            status = error.status
            self.error = error.body ?? error.status.reasonPhrase
        case let error as any HTTPResponseError:
            status = error.status
            self.error = error.status.reasonPhrase
        default:
            status = .internalServerError
            self.error = "internal error: \(error)"
        }
        self.error = Self.withoutServerPaths(self.error)
    }

    /// The message with the server's own files (uploads in its job folder) named as the client knows them.
    static func withoutServerPaths(_ message: String) -> String {
        let folder = NSRegularExpression.escapedPattern(for: FileManager.default.temporaryDirectory.path)
        guard let pattern = try? NSRegularExpression(pattern: "\(folder)/?signanchor-[^\\s:'\"]*") else { return message }
        return pattern.stringByReplacingMatches(in: message, range: NSRange(message.startIndex..., in: message), withTemplate: "upload")
    }

    /// The JSON response.
    var response: Response {
        // Encoding a single string cannot fail.
        JSONBody.response((try? JSON.data(self)) ?? .init(), status: status)
    }
}
