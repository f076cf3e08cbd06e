import Foundation
import TestSupport

/// `signanchor serve --port 0` started once for the test process, and talked to with curl.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is started in init and afterwards only read.
    /// The shared server; stopped when the test process exits.
    static let shared: ServerProcess = {
        do {
            let server = try ServerProcess()
            server.stopAtExit()
            return server
        } catch {
            fatalError("signanchor serve did not start: \(error)")
        }
    }()

    nonisolated(unsafe) private static var running: [Process] = []
    private static let registerExit: Void = { atexit { ServerProcess.running.forEach { $0.terminate() } } }()

    /// Stops the server when the test process exits (for servers shared by a suite). Call once, at set-up.
    func stopAtExit() {
        Self.registerExit
        Self.running.append(process)
    }

    let process: Process
    /// `http://127.0.0.1:PORT` as the server printed it.
    let base: String

    /// Starts the server with `arguments` after `serve --port 0` and waits for its address; its request log
    /// (stderr) goes to `log` when given.
    init(_ arguments: [String] = [], log: URL? = nil) throws {
        process = Process()
        process.executableURL = TestFiles.program
        process.arguments = ["serve", "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        if let log {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        var printed = ""
        while !printed.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Shell.ToolFailed(command: "signanchor serve", stderr: "exited before listening") }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = printed.split(separator: "\n").first, line.hasPrefix("listening on http://") else {
            throw Shell.ToolFailed(command: "signanchor serve", stderr: "unexpected first line: \(printed)")
        }
        base = String(line.dropFirst("listening on ".count))
    }

    /// What curl got back.
    struct Reply {
        let status: Int
        let contentType: String
        let body: Data
        /// Response headers by lower-case name.
        var headers: [String: String] = [:]
        /// Where the body was saved (for ffprobe).
        var file: URL?
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object.
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// The body as a JSON array of objects.
        var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
    }

    /// `GET path` with `query` added, percent-encoded.
    func get(_ path: String, query: [String: String] = [:], headers: [String] = []) throws -> Reply {
        try send("GET", path, body: nil, json: nil, headers: headers, query: query)
    }

    /// `POST path` with a file (`body`, sent as is) or `json` text.
    func post(_ path: String, body: URL? = nil, json: String? = nil, headers: [String] = [],
              query: [String: String] = [:]) throws -> Reply {
        try send("POST", path, body: body, json: json, headers: headers, query: query)
    }

    private func send(_ method: String, _ path: String, body: URL?, json: String?, headers: [String],
                      query: [String: String]) throws -> Reply {
        let folder = try TestFiles.temporaryFolder("reply")
        let output = folder.appendingPathComponent("body")
        let head = folder.appendingPathComponent("headers")
        var arguments = ["-s", "-X", method, "-o", output.path, "-D", head.path, "-w", "%{http_code} %{content_type}"]
        if let body { arguments += ["--data-binary", "@\(body.path)"] }
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        for header in headers { arguments += ["-H", header] }
        // --url-query percent-encodes each value into the URL's query.
        for (name, value) in query.sorted(by: { $0.key < $1.key }) { arguments += ["--url-query", "\(name)=\(value)"] }
        let result = try Shell.run("curl", arguments + [base + path])
        let fields = result.output.split(separator: " ", maxSplits: 1).map(String.init)
        var headers: [String: String] = [:]
        for line in ((try? String(contentsOf: head, encoding: .utf8)) ?? "").split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: Int(fields.first ?? "") ?? 0, contentType: fields.count > 1 ? fields[1] : "",
                     body: (try? Data(contentsOf: output)) ?? Data(), headers: headers, file: output)
    }
}
