import Distill
import Foundation
import Testing
import TestSupport

/// The GLM client and distiller against a real OpenAI-compatible HTTP server on 127.0.0.1, started by the test.
///
/// The server (Python's http.server) answers by the request's `model`: `good`, `slow` (answers after 3 s),
/// `limited` (429), `broken` (500), `garbage` (not JSON), `inventor` (adds a number the source lacks).
/// It serves a bounded number of requests and stops by itself after 60 s.
@Suite("GLM distiller over real HTTP", .serialized)
struct GLMServerTests {
    static let server = #"""
    import http.server, json, sys, threading, time
    ANSWERS = {"good": "统计局说，前三个季度经济增长百分之五。", "inventor": "统计局说，经济增长百分之九十九。"}
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args): pass
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            model = body["model"]
            if model == "slow": time.sleep(3)
            if model == "limited": return self.reply(429, b'{"error": "rate limited"}')
            if model == "broken": return self.reply(500, b'{"error": "internal"}')
            if model == "garbage": return self.reply(200, b'<html>not json</html>')
            answer = ANSWERS.get(model, ANSWERS["good"])
            self.reply(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]}).encode())
        def reply(self, status, data):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1] + ".tmp", "w") as f: f.write(str(server.server_address[1]))
    import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    threading.Timer(60, server.shutdown).start()
    server.serve_forever()
    """#

    /// Starts the server; returns it and its base URL.
    static func start() throws -> (Process, String) {
        let folder = try TestFiles.temporaryFolder()
        let script = folder.appendingPathComponent("server.py"), portFile = folder.appendingPathComponent("port")
        try Data(server.utf8).write(to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, portFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let port = try? String(contentsOf: portFile, encoding: .utf8), !port.isEmpty {
                return (process, "http://127.0.0.1:\(port)/v1")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw Shell.ToolFailed(command: "python3 server.py", stderr: "the test server did not start")
    }

    static let source = "国家统计局昨天发布数据，今年前三个季度国内生产总值增长百分之五。"

    static func distiller(_ url: String, model: String) -> GLMDistiller {
        let analyzer = Fixtures.chinese
        let endpoint = ChatEndpoint(baseURL: url, model: model, timeout: 1, retries: 1)
        return GLMDistiller(endpoint: endpoint, analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
    }

    @Test("a valid answer is used; 429, 500, garbage, a slow server and an invented number fall back to the rules")
    func behaviours() async throws {
        let (process, url) = try Self.start()
        defer { process.terminate() }
        let budget = Budget(seconds: 30, units: 40)
        let good = await Self.distiller(url, model: "good").condense(Self.source, budget: budget, context: "")
        #expect(good.backend == "glm")
        #expect(good.text == "统计局说，前三个季度经济增长百分之五。")
        for model in ["limited", "broken", "garbage", "slow", "inventor"] {
            let result = await Self.distiller(url, model: model).condense(Self.source, budget: budget, context: "")
            #expect(result.backend.hasPrefix("rules (glm fallback"), "\(model): \(result.backend)")
            #expect(!result.text.contains("九十九"))
        }
    }

    @Test("the client reports the HTTP status and an unreachable server")
    func clientErrors() async throws {
        let (process, url) = try Self.start()
        defer { process.terminate() }
        let message = [ChatClient.Message(role: "user", content: "hi")]
        await #expect(throws: DistillError.self) {
            _ = try await ChatClient(endpoint: ChatEndpoint(baseURL: url, model: "limited", timeout: 2)).complete(message)
        }
        let answer = try await ChatClient(endpoint: ChatEndpoint(baseURL: url, model: "good", timeout: 2)).complete(message)
        #expect(answer.contains("百分之五"))
        await #expect(throws: DistillError.self) {
            _ = try await ChatClient(endpoint: ChatEndpoint(baseURL: "http://127.0.0.1:9/v1", model: "good", timeout: 2)).complete(message)
        }
    }
}
