import Foundation
import Testing
import TestSupport

/// The server refuses to start on data it cannot serve.
@Suite("signanchor serve start-up")
struct StartupTests {
    @Test("a broken lexicon stops the server before it listens, with one line naming the file")
    func brokenLexicon() throws {
        let folder = try TestFiles.temporaryFolder()
        let lexicon = TestFiles.packageRoot.appendingPathComponent("Lexicon")
        for name in ["spoken", "csl"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                       withDestinationURL: lexicon.appendingPathComponent(name))
        }
        let asl = folder.appendingPathComponent("asl")
        try FileManager.default.copyItem(at: lexicon.appendingPathComponent("asl"), to: asl)
        let weather = asl.appendingPathComponent("weather.txt")
        try (String(contentsOf: weather, encoding: .utf8) + "\nthis line is not an entry\n").write(to: weather, atomically: true, encoding: .utf8)

        let result = try Shell.run(TestFiles.program.path, ["serve", "--port", "0", "--lexicon", folder.path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty, "nothing listened")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("signanchor: ") && lines[0].contains("weather.txt"), "\(result.stderr)")
    }
}

/// A taken port is a user error.
@Suite("signanchor serve on a taken port")
struct TakenPortTests {
    @Test("a second server on the same port exits 1 with one line")
    func takenPort() throws {
        let port = try #require(ServerProcess.shared.base.split(separator: ":").last.map(String.init))
        let result = try Shell.run(TestFiles.program.path, ["serve", "--port", port, "--sign-languages", "asl"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("signanchor: ") }
        #expect(lines.count == 1 && lines[0].contains("127.0.0.1:\(port): cannot listen"), "\(result.stderr)")
    }
}

/// A server of its own, with a small upload limit, stopped by SIGTERM.
@Suite("signanchor serve limits and shutdown")
struct ShutdownTests {
    @Test("an upload over the limit is 413 even when streamed without Content-Length; SIGTERM stops the server and removes its job files")
    func uploadLimitAndShutdown() throws {
        let server = try ServerProcess(["--upload-limit", "100000", "--sign-languages", "asl"])
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 2, rate: 16_000, channels: 1)  // 64 kB
        let big = try TestMedia.tone(in: folder, name: "big.wav", seconds: 10, rate: 16_000, channels: 1)  // 320 kB
        #expect(try server.post("/jobs", body: big).status == 413)
        let streamed = try server.post("/jobs", body: big, headers: ["Transfer-Encoding: chunked"])
        #expect(streamed.status == 413 && (streamed.object["error"] as? String ?? "").contains("100000"), "\(streamed.text)")
        let accepted = try server.post("/jobs", body: tone, query: ["text": "Snow today.", "size": "160x120"])
        #expect(accepted.status == 202, "\(accepted.text)")

        let jobFolders = { try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("signanchor-serve-\(server.process.processIdentifier)-") } }
        #expect(try jobFolders().count == 1)
        server.process.terminate()
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(try jobFolders().isEmpty, "the job folder is removed at shutdown")
    }
}
