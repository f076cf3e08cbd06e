import AnchorCore
import Foundation
import Hummingbird

/// Reading JSON request bodies within a size limit, and writing JSON and file responses.
enum JSONBody {
    /// Decodes the request body as `T`, reading at most `limit` bytes.
    /// - Throws: ``ServiceError/tooLarge(limit:)`` past the limit, ``ServiceError/badRequest(_:)`` for bad JSON.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        try await decodeSized(type, from: request, limit: limit).value
    }

    /// Decodes the request body as `T` (as ``decode(_:from:limit:)``) and tells how many bytes it had.
    static func decodeSized<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> (value: T, bytes: Int) {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw ServiceError.tooLarge(limit: limit) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ServiceError.tooLarge(limit: limit)
        } catch {
            // The body stopped coming: the client hung up.
            throw ServiceError.clientClosedRequest
        }
        do {
            return (try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)), buffer.readableBytes)
        } catch let error as DecodingError {
            throw ServiceError.badRequest("bad JSON: \(Self.describe(error))")
        }
    }

    /// `data` when it is within the answer limit for a request of `requestBytes`: `factor` times the request, and
    /// never less than `floor`.
    /// - Throws: ``ServiceError/answerTooLarge(bytes:limit:)``.
    static func bounded(_ data: Data, requestBytes: Int, options: ServiceOptions) throws -> Data {
        let limit = max(options.responseFloor, options.responseFactor * requestBytes)
        guard data.count <= limit else { throw ServiceError.answerTooLarge(bytes: data.count, limit: limit) }
        return data
    }

    /// `value` as the documented JSON (the same bytes as the command line's `--format json`).
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try JSON.data(value), status: status)
    }

    /// JSON bytes as a response.
    static func response(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        response(data, contentType: "application/json; charset=utf-8", status: status)
    }

    /// Any bytes as a response of `contentType`.
    static func response(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A decoding error in one line: what was wrong and where.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case let .dataCorrupted(context): return "not valid JSON\(path(context))"
        case let .keyNotFound(key, context): return "missing field '\(key.stringValue)'\(path(context))"
        case let .typeMismatch(type, context): return "expected \(type)\(path(context))"
        case let .valueNotFound(type, context): return "expected \(type)\(path(context)), got null"
        @unknown default: return "\(error)"
        }
    }
}
