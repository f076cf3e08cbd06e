import Foundation
import Testing
import TestSupport

@Suite("signanchor serve: live animation streams")
struct LiveRouteTests {
    let server = ServerProcess.shared

    @Test("GET /live signs a UDP stream written in real time and streams the animation as SSE, then the report")
    func udpStream() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("The weather tomorrow will be cold. The team won the match today.", in: folder)
        let events = folder.appendingPathComponent("events.txt")
        let port = Int.random(in: 20_000..<40_000)
        // A generous backlog: recognition may lag on a machine busy with other tests (the delay target is benchmarked).
        let url = "\(server.base)/live?input=udp://127.0.0.1:\(port)&input-timeout=2&beam=1&max-backlog=60"
        // curl listens first (the server opens the UDP input), then ffmpeg sends the speech at its real pace.
        let result = try Shell.run("/bin/bash", ["-c", """
            curl -sN '\(url)' > '\(events.path)' & reader=$!; sleep 1.5
            ffmpeg -v error -re -i '\(speech.path)' -c:a aac -f mpegts udp://127.0.0.1:\(port); wait $reader
            """])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: events, encoding: .utf8)
        let data = text.components(separatedBy: "\n\n").compactMap { event -> (name: String, json: [String: Any])? in
            let lines = event.split(separator: "\n")
            guard let payload = lines.first(where: { $0.hasPrefix("data: ") }) else { return nil }
            let name = lines.first { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) } ?? "message"
            let json = (try? JSONSerialization.jsonObject(with: Data(payload.dropFirst(6).utf8))) as? [String: Any] ?? [:]
            return (name, json)
        }
        #expect(data.first?.json["type"] as? String == "header", "\(text.prefix(300))")
        let frames = data.filter { $0.json["type"] as? String == "frame" }
        #expect(frames.count > 75, "about the speech's length at 25 fps")
        #expect(data.contains { $0.json["type"] as? String == "signs" })
        let report = try #require(data.last { $0.name == "report" }?.json)
        #expect(try #require(report["signedUtterances"] as? Int) >= 1)
        #expect(Int(((report["outputSeconds"] as? Double ?? 0) * 25).rounded()) == frames.count)
    }

    @Test("GET /live refuses local files, unknown sign languages and dead streams with JSON 4xx errors")
    func refusals() throws {
        let file = try server.get("/live", query: ["input": "/etc/passwd"])
        #expect(file.status == 400 && (file.object["error"] as? String ?? "").contains("stream URL"), "\(file.text)")
        let language = try server.get("/live", query: ["input": "udp://127.0.0.1:9", "sign-language": "xyz"])
        #expect(language.status == 400, "\(language.text)")
        let dead = try server.get("/live", query: ["input": "udp://127.0.0.1:9", "input-timeout": "1"])
        #expect(dead.status == 400 && (dead.object["error"] as? String ?? "").contains("udp://127.0.0.1:9"), "\(dead.text)")
        let backlog = try server.get("/live", query: ["input": "udp://127.0.0.1:9", "max-backlog": "0"])
        #expect(backlog.status == 400 && (backlog.object["error"] as? String ?? "").contains("max-backlog"), "\(backlog.text)")
        #expect(try server.get("/live").status == 400)
    }
}
