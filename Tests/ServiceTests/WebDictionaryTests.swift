import Foundation
import Testing
import TestSupport

/// The dictionary web page and its endpoints on a server of its own (a copy of the lexicon, review on, a small video
/// cache in a temporary folder): sign videos, the review endpoints, and the page in a real browser.
@Suite("dictionary web page", .serialized)
struct WebDictionaryTests {
    /// One server for the suite: its lexicon copy, review file and video cache.
    final class Setup: Sendable {
        let server: ServerProcess
        let lexicon: URL
        let reviews: URL
        let cache: URL
        /// The cache's bound, bytes: a sign video at 640x360 is about 25 kB, so three do not fit.
        static let cacheLimit = 60_000

        init() throws {
            let folder = try TestFiles.temporaryFolder("web")
            lexicon = folder.appendingPathComponent("Lexicon")
            try FileManager.default.copyItem(at: TestFiles.packageRoot.appendingPathComponent("Lexicon"), to: lexicon)
            reviews = folder.appendingPathComponent("reviews.jsonl")
            cache = folder.appendingPathComponent("videos")
            server = try ServerProcess(["--lexicon", lexicon.path, "--review-file", reviews.path, "--video-cache", cache.path,
                                        "--video-cache-size", String(Self.cacheLimit)])
            server.stopAtExit()
        }

        static let shared = Result { try Setup() }
    }

    private var setup: Setup { get throws { try Setup.shared.get() } }

    private func cached() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: setup.cache.path).sorted()
    }

    @Test("a sign's video is a playable H.264 MP4 of the sign's length, cached, revalidated with its ETag")
    func signVideo() throws {
        let server = try setup.server
        let first = try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl"])
        #expect(first.status == 200 && first.contentType == "video/mp4", "\(first.text.prefix(200))")
        let file = try #require(first.file)
        let codec = try Shell.must("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height",
                                                "-of", "csv=p=0", file.path]).output
        #expect(codec.trimmingCharacters(in: .whitespacesAndNewlines) == "h264,640,360")
        // The sign's own length: the animation the command line makes of the same entry.
        let track = try TestFiles.temporaryFolder("track").appendingPathComponent("beijing.json")
        try Shell.must(TestFiles.program.path, ["lexicon", "show", "beijing", "--sign-language", "csl", "--lexicon", setup.lexicon.path,
                                                "--animate", "-o", track.path])
        let frames = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: track)) as? [String: Any])?["frames"] as? [Any]).count
        #expect(abs(try TestMedia.probeVideo(file).frames - frames) <= 1, "video frames vs the animation's \(frames)")
        let pictures = try TestMedia.decodeFrames(file, width: 640, height: 360)
        let middle = try #require(pictures.dropFirst(pictures.count / 2).first)
        #expect(Set(stride(from: 0, to: middle.count, by: 4 * 97).map { middle[$0] }).count > 8, "the avatar is drawn, not a flat picture")
        #expect(pictures.first != middle, "the avatar moves")

        let tag = try #require(first.headers["etag"])
        #expect(first.headers["cache-control"]?.contains("no-cache") == true && first.headers["accept-ranges"] == "bytes")
        let stored = try cached()
        #expect(stored.count == 1)
        let modified = try FileManager.default.attributesOfItem(atPath: setup.cache.appendingPathComponent(stored[0]).path)[.modificationDate] as? Date
        let second = try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl"])
        #expect(second.status == 200 && second.body == first.body && second.headers["etag"] == tag)
        #expect(try cached() == stored, "served from the cache")
        #expect(try FileManager.default.attributesOfItem(atPath: setup.cache.appendingPathComponent(stored[0]).path)[.modificationDate] as? Date == modified,
                "not rendered again")
        let unchanged = try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl"], headers: ["If-None-Match: \(tag)"])
        #expect(unchanged.status == 304 && unchanged.body.isEmpty)
        let range = try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl"], headers: ["Range: bytes=0-99"])
        #expect(range.status == 206 && range.body == first.body.prefix(100), "browsers fetch video in ranges")
    }

    @Test("unknown ids are 404, bad formats and sizes 400, each with an error line")
    func videoErrors() throws {
        let server = try setup.server
        let unknown = try server.get("/lexicon/video", query: ["id": "no-such-sign", "sign-language": "csl"])
        #expect(unknown.status == 404 && unknown.object["error"] as? String == "csl: no entry for 'no-such-sign'")
        #expect(try server.get("/lexicon/video", query: ["id": "beijing", "format": "avi"]).status == 400)
        #expect(try server.get("/lexicon/video", query: ["id": "beijing", "size": "4000x4000"]).status == 400)
        #expect(try server.get("/lexicon/video").status == 400, "id is required")
        #expect(try server.get("/sentence/video", query: ["text": String(repeating: "北京", count: 300)]).status == 400)
    }

    @Test("WebM, a sentence video, and a cache over its bound drops the least recently used video")
    func formatsAndEviction() throws {
        let server = try setup.server
        let webm = try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl", "format": "webm"])
        #expect(webm.status == 200 && webm.contentType == "video/webm")
        let codec = try Shell.must("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                                                try #require(webm.file).path]).output
        #expect(codec.trimmingCharacters(in: .whitespacesAndNewlines) == "vp9")
        let sentence = try server.get("/sentence/video", query: ["text": "今天北京下雪。", "sign-language": "csl"])
        #expect(sentence.status == 200 && sentence.contentType == "video/mp4", "\(sentence.text.prefix(200))")
        #expect(try TestMedia.probeVideo(try #require(sentence.file)).duration > 2, "several signs")
        for id in ["shanghai", "xuexiao"] {
            #expect(try server.get("/lexicon/video", query: ["id": id, "sign-language": "csl"]).status == 200)
        }
        let sizes = try cached().map { try FileManager.default.attributesOfItem(atPath: setup.cache.appendingPathComponent($0).path)[.size] as? Int ?? 0 }
        #expect(sizes.reduce(0, +) <= Setup.cacheLimit, "\(sizes)")
        // The least recently used go first: the WebM (older, unused since) is gone, the newest sign stays.
        let left = try cached()
        #expect(!left.isEmpty && !left.contains { $0.hasSuffix(".webm") }, "\(left)")
        // Evicted videos render again on request.
        #expect(try server.get("/lexicon/video", query: ["id": "beijing", "sign-language": "csl"]).status == 200)
    }

    @Test("entry, search fields, review queue and POST /review: one JSON line, 409 on a changed entry, 400 without a name")
    func reviewEndpoints() throws {
        let server = try setup.server
        #expect(try server.get("/health").object["review"] as? Bool == true)
        let entry = try server.get("/lexicon/entry", query: ["id": "beijing", "sign-language": "csl"])
        let hash = try #require(entry.object["hash"] as? String)
        #expect(entry.object["video"] as? String == "/lexicon/video?id=beijing&sign-language=csl&v=\(hash)")
        #expect((entry.object["entry"] as? [String: Any])?["gloss"] as? String == "北京")
        #expect(try server.get("/lexicon/entry", query: ["id": "nope"]).status == 404)
        let hit = try #require(try server.get("/lexicon/search", query: ["q": "北京", "sign-language": "csl"]).array.first)
        #expect(hit["category"] as? String == "places" && hit["verified"] as? Bool == false)
        #expect((hit["words"] as? [String: [String]])?["zh-Hans"]?.contains("北京") == true)

        let queue = try server.get("/review/queue", query: ["sign-language": "csl", "category": "places"]).array
        #expect(queue.contains { $0["id"] as? String == "beijing" && $0["hash"] as? String == hash })
        #expect(queue.allSatisfy { $0["category"] as? String == "places" })
        let reconstructions = try server.get("/review/queue", query: ["sign-language": "csl", "filter": "reconstructions"]).array
        #expect(!reconstructions.isEmpty && reconstructions.allSatisfy { $0["reconstruction"] as? Bool == true })
        #expect(try server.get("/review/queue", query: ["filter": "mine"]).status == 400)

        let before = (try? Data(contentsOf: setup.reviews)) ?? Data()
        let body = #"{"reviewer":"测试","signLanguage":"csl","id":"beijing","hash":"\#(hash)","verdict":"correct","comment":"ok"}"#
        let posted = try server.post("/review", json: body)
        #expect(posted.status == 201, "\(posted.text)")
        let after = try Data(contentsOf: setup.reviews)
        let line = try #require(String(decoding: after.dropFirst(before.count), as: UTF8.self).split(separator: "\n").first)
        #expect(after.count > before.count && String(decoding: after.dropFirst(before.count), as: UTF8.self).filter { $0 == "\n" }.count == 1)
        let written = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(written["reviewer"] as? String == "测试" && written["hash"] as? String == hash && written["verdict"] as? String == "correct")
        #expect((written["time"] as? String)?.hasSuffix("Z") == true)

        let stale = try server.post("/review", json: body.replacingOccurrences(of: hash, with: "0000000000000000"))
        #expect(stale.status == 409 && (stale.object["error"] as? String ?? "").contains("changed"))
        #expect(try server.post("/review", json: body.replacingOccurrences(of: "测试", with: " ")).status == 400)
        #expect(try server.post("/review", json: body.replacingOccurrences(of: "correct", with: "great")).status == 400)
        #expect(try server.post("/review", json: body.replacingOccurrences(of: hash, with: "x")).status == 400, "a malformed hash")
        #expect(try server.post("/review", json: body.replacingOccurrences(of: "测试", with: "a\\u0000b")).status == 400, "a control character")
        #expect(try Data(contentsOf: setup.reviews).count == after.count, "refused reviews write nothing")
    }

    @Test("in Chromium: search, pinyin, ASL, language switch, sentence glosses, a played video, a review; then review apply")
    func browser() throws {
        let setup = try setup
        let python = TestFiles.packageRoot.appendingPathComponent(".venv-test/bin/python").path
        let script = TestFiles.packageRoot.appendingPathComponent("Tests/Web/dictionary_test.py").path
        let lines = { (try? String(contentsOf: setup.reviews, encoding: .utf8))?.split(separator: "\n").count ?? 0 }
        let before = lines()
        let run = try Shell.run(python, [script, setup.server.base, "--review-file", setup.reviews.path])
        #expect(run.status == 0, "\(run.output)\n\(run.stderr.suffix(2000))")
        #expect(lines() == before + 1, "the review form wrote one line")

        // The browser's review is of the queue's first entry: mark it correct and apply the file to the lexicon copy.
        let last = try #require(try String(contentsOf: setup.reviews, encoding: .utf8).split(separator: "\n").last)
        var review = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        review["verdict"] = "correct"
        let accepted = try TestFiles.temporaryFolder("apply").appendingPathComponent("accepted.jsonl")
        try JSONSerialization.data(withJSONObject: review).write(to: accepted)
        let apply = try Shell.run(TestFiles.program.path, ["lexicon", "review", "apply", accepted.path, "--lexicon", setup.lexicon.path])
        #expect(apply.status == 0, "\(apply.stderr)")
        let id = try #require(review["id"] as? String)
        let shown = try Shell.must(TestFiles.program.path, ["lexicon", "show", id, "--sign-language", "csl", "--lexicon", setup.lexicon.path]).output
        #expect(shown.contains("verified: true") && shown.contains("reviewed-by: \(review["reviewer"] as? String ?? "?")"), "\(shown)")
        let report = try Shell.must(TestFiles.program.path, ["lexicon", "review", "report", setup.reviews.path]).output
        #expect(report.contains("csl: ") && report.contains("reviewers: "), "\(report)")
    }
}

/// The shared server (no --review-file): review is off and says how to turn it on; the page is served.
@Suite("web page with review off")
struct ReviewOffTests {
    @Test("the page and its files are served; the review page and endpoints are 404 with the option to use")
    func off() throws {
        let server = ServerProcess.shared
        let page = try server.get("/")
        #expect(page.status == 200 && page.contentType.hasPrefix("text/html") && page.text.contains("<html"))
        #expect(try server.get("/web/app.js").contentType.hasPrefix("text/javascript"))
        #expect(try server.get("/web/i18n.json").status == 200)
        #expect(try server.get("/web/missing.css").status == 404)
        for sneaky in ["/web/%2e%2fapp.js", "/web/%2E", "/web/.hidden", "/web/..%2Fpackage.swift"] {
            #expect(try server.get(sneaky).status == 404, "\(sneaky)")
        }
        #expect(try server.get("/health").object["review"] as? Bool == false)
        for reply in [try server.get("/review"), try server.get("/review/queue"), try server.post("/review", json: "{}")] {
            #expect(reply.status == 404 && (reply.object["error"] as? String ?? "").contains("--review-file"), "\(reply.text)")
        }
    }
}
