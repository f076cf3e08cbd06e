import Foundation
import Testing
import TestSupport

/// Whole anchor jobs through `POST /jobs`, polled to the MP4 and the report.
@Suite("signanchor serve jobs", .serialized)
struct JobTests {
    var server: ServerProcess { ServerProcess.shared }

    /// Polls the job until it is done or failed (at most `timeout` seconds); returns its last status.
    func wait(for id: String, timeout: Double = 300) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var status: [String: Any] = [:]
        var progress = 0.0
        repeat {
            status = try server.get("/jobs/\(id)").object
            let now = status["progress"] as? Double ?? -1
            #expect(now >= progress && now <= 1, "progress only grows, within 0–1")
            progress = now
            if ["done", "failed"].contains(status["status"] as? String) { return status }
            Thread.sleep(forTimeInterval: 0.5)
        } while Date() < deadline
        return status
    }

    @Test("English speech: POST the WAV, poll, fetch the MP4 covering the speech and the report")
    func speechJob() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("The weather tomorrow will be cold. The team won the match.", in: folder)
        let submitted = try server.post("/jobs?sign-language=asl&size=160x120&beam=1", body: speech)
        #expect(submitted.status == 202, "\(submitted.text)")
        let id = try #require(submitted.object["id"] as? String)
        #expect(["queued", "running"].contains(submitted.object["status"] as? String))
        let status = try wait(for: id)
        #expect(status["status"] as? String == "done", "\(status)")

        let video = try server.get("/jobs/\(id)/result")
        #expect(video.status == 200 && video.contentType == "video/mp4")
        let file = folder.appendingPathComponent("signed.mp4")
        try video.body.write(to: file)
        let report = try server.get("/jobs/\(id)/report").object
        let speechSeconds = try #require(report["mediaDuration"] as? Double)
        let probed = try TestMedia.probeVideo(file)
        #expect(probed.duration >= speechSeconds - 0.1, "the video covers the speech")
        #expect(probed.frames == Int((try #require(report["videoDuration"] as? Double) * 25).rounded()))
        #expect(report["transcriptSource"] as? String == "whisper" && report["input"] as? String == "upload")
        #expect(try #require(report["glossCount"] as? Int) >= 3)
    }

    @Test("Chinese speech without a sign language is signed in CSL; the wrong sign language fails the job with both named")
    func chineseSpeechJob() throws {
        let folder = try TestFiles.temporaryFolder()
        let clip = TestFiles.sharedData.appendingPathComponent("news-zh/news-zh.m4a")
        let speech = try TestMedia.convert(clip, to: "zh.wav", in: folder, ["-t", "9", "-ac", "1", "-ar", "16000"])
        let submitted = try server.post("/jobs?size=160x120&beam=1", body: speech)
        #expect(submitted.status == 202, "\(submitted.text)")
        let id = try #require(submitted.object["id"] as? String)
        let status = try wait(for: id)
        #expect(status["status"] as? String == "done" && status["signLanguage"] as? String == "csl", "\(status)")
        let report = try server.get("/jobs/\(id)/report").object
        #expect(report["speechLanguage"] as? String == "zh" && report["signLanguage"] as? String == "csl", "\(report)")

        let wrong = try server.post("/jobs?sign-language=asl&size=160x120&beam=1", body: speech)
        let failed = try wait(for: try #require(wrong.object["id"] as? String))
        let message = failed["error"] as? String ?? ""
        #expect(failed["status"] as? String == "failed" && message.contains("Chinese") && message.contains("asl"), "\(failed)")
    }

    @Test("CSL from text over an uploaded programme sound; bad uploads and options are refused")
    func textJob() throws {
        let folder = try TestFiles.temporaryFolder()
        let tone = try TestMedia.tone(in: folder, seconds: 4, rate: 16_000, channels: 1)
        let submitted = try server.post("/jobs", body: tone,
                                           query: ["sign-language": "csl", "size": "160x120", "text": "今天北京下雪。明天天气很冷。"])
        #expect(submitted.status == 202, "\(submitted.text)")
        let id = try #require(submitted.object["id"] as? String)
        #expect(try wait(for: id)["status"] as? String == "done")
        let file = folder.appendingPathComponent("csl.mp4")
        try server.get("/jobs/\(id)/result").body.write(to: file)
        #expect(try TestMedia.probeVideo(file).duration >= 3.9, "it covers the programme's sound")

        let empty = folder.appendingPathComponent("empty")
        try Data().write(to: empty)
        #expect(try server.post("/jobs", body: empty).status == 400)
        #expect(try server.post("/jobs?size=99x7", body: tone).status == 400)
        #expect(try server.post("/jobs?sign-language=xsl", body: tone).status == 400)
    }
}
