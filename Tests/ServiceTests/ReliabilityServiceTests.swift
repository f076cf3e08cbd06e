import Foundation
import Testing
import TestSupport

/// Issue 17's server repros over real HTTP: hostile times, answers out of proportion to requests, HTTP/1.0,
/// client disconnects, server paths in errors, and shutdown while jobs and live streams run.
@Suite("signanchor serve: reliability", .serialized)
struct ReliabilityServiceTests {
    /// The server's job folders in the temporary folder.
    static func jobFolders(of server: ServerProcess) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("signanchor-serve-\(server.process.processIdentifier)-") }
    }

    /// Sends raw bytes over TCP and reads until the server closes (or `seconds` pass): (reply, closed by server).
    static func raw(_ request: String, to base: String, seconds: Double = 5) throws -> (String, Bool) {
        let port = base.split(separator: ":").last.map(String.init) ?? "0"
        let script = """
            import socket, sys, time
            s = socket.create_connection(("127.0.0.1", \(port))); s.settimeout(\(seconds))
            s.sendall(sys.stdin.buffer.read()); data = b""; closed = False
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk: closed = True; break
                    data += chunk
            except socket.timeout: pass
            sys.stdout.write(("CLOSED\\n" if closed else "OPEN\\n") + data.decode("utf-8", "replace"))
            """
        let result = try Shell.run("python3", ["-c", script], input: Data(request.utf8))
        let text = result.output
        return (String(text.drop { $0 != "\n" }.dropFirst()), text.hasPrefix("CLOSED"))
    }

    @Test("4: absurd segment times are 400 with one line, not 500")
    func absurdTimes() throws {
        let server = ServerProcess.shared
        let reversed = try server.post("/gloss", json: #"{"segments":[{"start":1e308,"end":-1e308,"text":"x"}],"signLanguage":"asl"}"#)
        #expect(reversed.status == 400, "\(reversed.text)")
        #expect((reversed.object["error"] as? String ?? "").contains("segment 1"), "\(reversed.text)")
        let distill = try server.post("/distill", json: #"{"transcript":{"language":"en","duration":1e308,"segments":[]}}"#)
        #expect(distill.status == 400, "\(distill.text)")
    }

    @Test("8: an answer far larger than its request is refused (413) with the sizes, and /health stays quick")
    func amplification() throws {
        let server = ServerProcess.shared
        let text = String(repeating: "The weather tomorrow will be cold and the team won the match. ", count: 3_000)  // 186 kB
        let body = try JSONSerialization.data(withJSONObject: ["text": text, "signLanguage": "asl"])
        let file = try TestFiles.temporaryFolder().appendingPathComponent("body.json")
        try body.write(to: file)
        let reply = try server.post("/gloss", body: file, headers: ["Content-Type: application/json"])
        #expect(reply.status == 413, "\(reply.text.prefix(300))")
        #expect((reply.object["error"] as? String ?? "").contains("answer"), "\(reply.text.prefix(300))")
        #expect(try server.post("/gloss", json: #"{"text":"Cold today.","signLanguage":"asl"}"#).status == 200)
    }

    @Test("2: an HTTP/1.0 request without keep-alive is answered and the connection closed")
    func http10() throws {
        let server = ServerProcess.shared
        let (reply, closed) = try Self.raw("GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n", to: server.base)
        #expect(reply.contains("200"), "\(reply)")
        #expect(closed, "the server closed the connection")
        let (_, closed11) = try Self.raw("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n", to: server.base, seconds: 1)
        #expect(!closed11, "HTTP/1.1 keeps the connection open")
    }

    @Test("8: an upload cut off by its client is answered (and logged) as 499, not 500")
    func uploadCutOff() throws {
        let folder = try TestFiles.temporaryFolder()
        let log = folder.appendingPathComponent("server.log")
        let server = try ServerProcess(["--sign-languages", "asl"], log: log)
        defer { server.process.terminate() }
        let request = "POST /jobs?text=Cold HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n" + String(repeating: "x", count: 5000)
        _ = try Self.raw(request, to: server.base, seconds: 0.5)
        #expect(Spawned.until(seconds: 10) { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("POST /jobs?text=Cold 499") },
                "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(!((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(" 500 "))
    }

    @Test("8: a failed job's error names the upload, not the server's temporary files")
    func noServerPaths() throws {
        let server = ServerProcess.shared
        let folder = try TestFiles.temporaryFolder()
        let junk = folder.appendingPathComponent("junk.bin")
        try Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: junk)
        let accepted = try server.post("/jobs", body: junk, query: ["size": "160x120"])
        #expect(accepted.status == 202, "\(accepted.text)")
        let id = try #require(accepted.object["id"] as? String)
        var status: [String: Any] = [:]
        #expect(Spawned.until(seconds: 30) {
            status = (try? server.get("/jobs/\(id)").object) ?? [:]
            return status["status"] as? String == "failed"
        }, "\(status)")
        let error = status["error"] as? String ?? ""
        #expect(!error.isEmpty && !error.contains(NSTemporaryDirectory()) && !error.contains("/tmp") && !error.contains("signanchor-serve"),
                "\(error)")
    }

    @Test("2: SIGTERM ends an open /live stream with its report; a client that disconnects is logged as 499")
    func liveStreamShutdown() throws {
        let folder = try TestFiles.temporaryFolder()
        let log = folder.appendingPathComponent("server.log")
        let server = try ServerProcess(["--sign-languages", "asl"], log: log)
        defer { if server.process.isRunning { server.process.terminate() } }
        // Speech with pauses, so utterances are cut and signed and the stream keeps writing (a client that hung up
        // is noticed at the next write).
        let tone = try TestMedia.speech(String(repeating: "The weather tomorrow will be cold. The team won the match today. ", count: 8),
                                        in: folder)
        let events = folder.appendingPathComponent("events.txt"), dropped = folder.appendingPathComponent("dropped.txt")
        let (port1, port2) = (Int.random(in: 20_000..<30_000), Int.random(in: 30_000..<40_000))
        let feed = { (port: Int) in "ffmpeg -v error -re -i '\(tone.path)' -c:a aac -f mpegts udp://127.0.0.1:\(port)" }
        // One client that hangs up after 3 s, one that stays until the server stops.
        let clients = try Spawned(URL(fileURLWithPath: "/bin/bash"), ["-c", """
            curl -sN -m 6 '\(server.base)/live?input=udp://127.0.0.1:\(port2)&input-timeout=30&beam=1' > '\(dropped.path)' &
            curl -sN '\(server.base)/live?input=udp://127.0.0.1:\(port1)&input-timeout=30&beam=1' > '\(events.path)' & reader=$!
            sleep 1; \(feed(port1)) & \(feed(port2)) & wait $reader
            """], in: folder)
        defer { clients.kill() }
        #expect(Spawned.until(seconds: 20) { ((try? Data(contentsOf: events))?.count ?? 0) > 2_000 }, "the stream is flowing")
        #expect(Spawned.until(seconds: 20) { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(" 499 ") },
                "the dropped client is logged as 499: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        let start = Date()
        server.process.terminate()
        #expect(Spawned.until(seconds: 5) { !server.process.isRunning }, "the server exits within 5 s of SIGTERM")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(Spawned.until(seconds: 3) { (try? String(contentsOf: events, encoding: .utf8))?.contains("event: report") == true },
                "the stream ends with its report")
        #expect(server.process.terminationStatus == 0)
    }

    @Test("2: SIGTERM during a speech-recognition job exits within 5 s with the job files removed, 20 times in a row")
    func shutdownLoop() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech(String(repeating: "The weather tomorrow will be cold and the team won the match today. ", count: 6),
                                          in: folder)
        var slowest = 0.0
        for round in 0..<20 {
            let server = try ServerProcess(["--sign-languages", "asl"])
            defer { if server.process.isRunning { kill(server.process.processIdentifier, SIGKILL) } }
            let accepted = try server.post("/jobs", body: speech, query: ["size": "160x120", "beam": "1"])
            #expect(accepted.status == 202, "round \(round): \(accepted.text)")
            let id = accepted.object["id"] as? String ?? ""
            #expect(Spawned.until(seconds: 10) { (try? server.get("/jobs/\(id)").object["status"] as? String) == "running" })
            usleep(UInt32(200_000 + 100_000 * (round % 8)))  // into recognition (BLAS threads busy) at varying points
            let start = Date()
            server.process.terminate()
            let exited = Spawned.until(seconds: 5) { !server.process.isRunning }
            slowest = max(slowest, Date().timeIntervalSince(start))
            #expect(exited, "round \(round): the server exits within 5 s of SIGTERM")
            guard exited else { continue }
            server.process.waitUntilExit()
            #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0,
                    "round \(round): exit \(server.process.terminationStatus) (\(server.process.terminationReason == .uncaughtSignal ? "signal" : "exit"))")
            #expect(try Self.jobFolders(of: server).isEmpty, "round \(round): the job folder is removed")
        }
        #expect(slowest < 5, "slowest shutdown \(slowest) s")
    }
}
