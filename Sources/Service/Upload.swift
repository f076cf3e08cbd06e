import Hummingbird

/// A media upload streamed from the request body to a file, never held in memory as a whole.
enum Upload {
    /// Writes the body of `request` to `path`, failing once more than `limit` bytes have arrived.
    /// - Throws: ``ServiceError/tooLarge(limit:)`` (before reading when Content-Length says so), ``ServiceError/badRequest(_:)``
    ///   for an empty body.
    static func store(_ request: Request, to path: String, limit: Int, context: some RequestContext) async throws {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw ServiceError.tooLarge(limit: limit) }
        let counted = CountedBody(base: request.body, limit: limit)
        do {
            try await FileIO().writeFile(contents: counted, path: path, context: context)
        } catch {
            // The file system wraps the body's own error in one of its own.
            if await counted.total.value > limit { throw ServiceError.tooLarge(limit: limit) }
            // The body stopped coming: the client hung up (a 499, not a server failure).
            if await counted.total.failed { throw ServiceError.clientClosedRequest }
            throw error
        }
        guard await counted.total.value > 0 else { throw ServiceError.badRequest("the request body is empty: send the media file") }
    }
}

/// The request body, counted on the way through; past `limit` bytes it throws ``ServiceError/tooLarge(limit:)``.
private struct CountedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    /// Bytes seen so far, shared with the iterator.
    actor Total {
        var value = 0
        /// Reading the body itself failed (the connection broke), as opposed to writing the file.
        var failed = false
        func add(_ count: Int) -> Int {
            value += count
            return value
        }
        func fail() { failed = true }
    }

    let base: RequestBody
    let limit: Int
    let total = Total()

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        let total: Total

        mutating func next() async throws -> ByteBuffer? {
            let next: ByteBuffer?
            do { next = try await base.next() } catch {
                await total.fail()
                throw error
            }
            guard let buffer = next else { return nil }
            if await total.add(buffer.readableBytes) > limit { throw ServiceError.tooLarge(limit: limit) }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, total: total)
    }
}
