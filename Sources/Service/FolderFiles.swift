import Foundation
import Hummingbird

/// Files of one folder answered as Hummingbird's `FileMiddleware` answers them: content type by extension,
/// `ETag` and `Last-Modified`, `304 Not Modified` for `If-None-Match`, `206` for `Range` (a browser's `<video>` asks
/// for ranges), and the folder's `Cache-Control`.
struct FolderFiles<Context: RequestContext>: Sendable {
    private let files: FileMiddleware<Context, LocalFileSystem>

    /// Serves `folder`, with `cacheControl` on every answer.
    init(folder: String, cacheControl: CacheControl) {
        files = FileMiddleware(folder, cacheControl: cacheControl).withAdditionalMediaTypes(forFileExtensions: [
            "html": MediaType(type: .text, subType: "html", parameter: ("charset", "utf-8")),
            "js": MediaType(type: .text, subType: "javascript", parameter: ("charset", "utf-8")),
            "css": MediaType(type: .text, subType: "css", parameter: ("charset", "utf-8")),
            "json": MediaType(type: .application, subType: "json", parameter: ("charset", "utf-8")),
            "mp4": .videoMp4, "webm": .videoWebm, "png": .imagePng,
        ])
    }

    /// The answer for the file `name` of the folder itself (letters, digits, `-`, `_` and `.`, not first: no
    /// folders, no hidden files, nothing percent-encoded) for `request`'s method and headers.
    /// - Throws: 404 naming the file when the folder has no such file.
    func response(file name: String, for request: Request, context: Context) async throws -> Response {
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard plain, !name.isEmpty, !name.hasPrefix(".") else { throw HTTPError(.notFound, message: "no file '\(name)'") }
        var head = request.head
        head.path = "/" + name
        return try await files.handle(Request(head: head, body: request.body), context: context) { _, _ in
            throw HTTPError(.notFound, message: "no file '\(name)'")
        }
    }
}
