import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal OpenAI-compatible chat-completions client: one POST, the first choice's message content back.
public struct ChatClient: Sendable {
    /// One chat message.
    public struct Message: Sendable, Codable, Equatable {
        /// `system`, `user` or `assistant`.
        public var role: String
        /// The text.
        public var content: String

        /// Creates a message.
        public init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    private struct Request: Encodable {
        var model: String
        var messages: [Message]
        var temperature: Double
        var stream: Bool
    }

    private struct Response: Decodable {
        struct Choice: Decodable { var message: Message }
        var choices: [Choice]
    }

    /// The server.
    public let endpoint: ChatEndpoint

    /// Creates a client.
    public init(endpoint: ChatEndpoint) {
        self.endpoint = endpoint
    }

    /// Sends `messages` and returns the answer's text.
    /// - Throws: ``DistillError/timeout(url:seconds:)``, ``DistillError/httpStatus(url:status:body:)`` (429, 5xx…)
    ///   or ``DistillError/transport(url:reason:)`` for an unreachable server or an answer without a message.
    public func complete(_ messages: [Message], temperature: Double = 0.2) async throws -> String {
        guard let url = URL(string: endpoint.url), url.scheme == "http" || url.scheme == "https" else {
            throw DistillError.invalidOption(name: "glm-url", reason: "'\(endpoint.url)' is not an http(s) URL")
        }
        var request = URLRequest(url: url, timeoutInterval: endpoint.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key = endpoint.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(Request(model: endpoint.model, messages: messages,
                                                            temperature: temperature, stream: false))
        let (data, status) = try await send(request)
        guard (200..<300).contains(status) else {
            throw DistillError.httpStatus(url: endpoint.url, status: status, body: String(decoding: data, as: UTF8.self))
        }
        guard let answer = try? JSONDecoder().decode(Response.self, from: data), let first = answer.choices.first else {
            throw DistillError.transport(url: endpoint.url, reason: "answer is not a chat completion: \(String(decoding: data.prefix(120), as: UTF8.self))")
        }
        return first.message.content
    }

    private func send(_ request: URLRequest) async throws -> (Data, Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = endpoint.timeout
        configuration.timeoutIntervalForResource = endpoint.timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let url = endpoint.url, timeout = endpoint.timeout
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error = error as? URLError, error.code == .timedOut {
                    continuation.resume(throwing: DistillError.timeout(url: url, seconds: timeout))
                } else if let error {
                    continuation.resume(throwing: DistillError.transport(url: url, reason: error.localizedDescription))
                } else {
                    continuation.resume(returning: (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
                }
            }.resume()
        }
    }
}
