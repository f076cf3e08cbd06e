import Foundation
import Testing
import TestSupport

/// Issue 17, item 3 and the live half of item 6: a live input from a pipe whose writer stalls (alive, pipe open,
/// nothing written) ends after --input-timeout, and a signal ends a live run; both still write the report.
@Suite("signanchor anchor --live: stalled pipes and signals", .serialized)
struct LiveReliabilityTests {
    /// Speech as an MPEG-TS file, the bytes a feeder would pipe in.
    static func transportStream(in folder: URL) throws -> Data {
        let speech = try TestMedia.speech("The weather tomorrow will be cold.", in: folder)
        let ts = try TestMedia.convert(speech, to: "speech.ts", in: folder, ["-c:a", "aac", "-f", "mpegts"])
        return try Data(contentsOf: ts)
    }

    @Test("3: a stalled pipe (feeder alive, nothing written) ends after --input-timeout with exit 0 and the report")
    func stalledPipe() throws {
        let folder = try TestFiles.temporaryFolder()
        let stream = try Self.transportStream(in: folder)
        let report = folder.appendingPathComponent("live.json"), animation = folder.appendingPathComponent("live.jsonl")
        let live = try Spawned(TestFiles.program, ["anchor", "--live", "-", "--animation-stream", animation.path, "--report", report.path,
                                                   "--input-timeout", "2", "--beam", "1", "--quiet"], in: folder)
        defer { live.kill() }
        live.input.fileHandleForWriting.write(stream)
        // The pipe stays open: only the timeout can end the input.
        let status = live.wait(seconds: 60)
        #expect(status == 0, "\(live.errorText)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(try #require(object["inputSeconds"] as? Double) > 1)
        live.closeInput()
    }

    @Test("3: a pipe that never sends a byte ends after --input-timeout with one line and exit 1")
    func silentPipe() throws {
        let folder = try TestFiles.temporaryFolder()
        let live = try Spawned(TestFiles.program, ["anchor", "--live", "-", "--animation-stream", folder.appendingPathComponent("s.jsonl").path,
                                                   "--input-timeout", "1", "--quiet"], in: folder)
        defer { live.kill() }
        #expect(live.wait(seconds: 20) == 1, "\(live.errorText)")
        #expect(live.errorText.contains("-: "), "\(live.errorText)")
        live.closeInput()
    }

    @Test("6: SIGTERM ends a live run with its report written and exit 143; a second signal is not needed")
    func signalEndsLiveRun() throws {
        let folder = try TestFiles.temporaryFolder()
        let stream = try Self.transportStream(in: folder)
        let report = folder.appendingPathComponent("live.json"), animation = folder.appendingPathComponent("live.jsonl")
        let video = folder.appendingPathComponent("live.ts")
        let live = try Spawned(TestFiles.program, ["anchor", "--live", "-", "-o", video.path, "--size", "160x120",
                                                   "--animation-stream", animation.path, "--report", report.path,
                                                   "--input-timeout", "120", "--beam", "1", "--quiet"], in: folder)
        defer { live.kill() }
        live.input.fileHandleForWriting.write(stream)
        #expect(Spawned.until(seconds: 30) { ((try? Data(contentsOf: animation))?.count ?? 0) > 10_000 }, "the avatar stream is flowing")
        live.send(SIGTERM)
        #expect(live.wait(seconds: 10) == 143, "\(live.errorText)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(object["outputSeconds"] as? Double ?? 0 > 0)
        #expect(try TestMedia.probeVideo(video).frames > 0, "the video was finished, not cut")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }
        #expect(left.isEmpty, "\(left)")
        live.closeInput()
    }
}
