import Foundation
import Testing
import TestSupport

/// `signanchor serve` over real HTTP on 127.0.0.1: every endpoint, its errors and a whole job.
@Suite("signanchor serve")
struct ServiceTests {
    var server: ServerProcess { ServerProcess.shared }

    @Test("health lists the loaded sign languages and their entries")
    func health() throws {
        let reply = try server.get("/health")
        #expect(reply.status == 200 && reply.contentType.hasPrefix("application/json"))
        let languages = try #require(reply.object["signLanguages"] as? [[String: Any]])
        #expect(languages.compactMap { $0["code"] as? String } == ["asl", "csl"])
        #expect(reply.object["status"] as? String == "ok")
        #expect(try #require(reply.object["entries"] as? Int) > 1000)
    }

    @Test("lexicon lookup answers the CLI's JSON; an unknown word is 404, an unknown sign language 400")
    func lookup() throws {
        let hit = try server.get("/lexicon/lookup", query: ["word": "北京", "sign-language": "csl"])
        #expect(hit.status == 200, "\(hit.text)")
        let cli = try Shell.run(TestFiles.program.path, ["lexicon", "lookup", "北京", "--sign-language", "csl", "--format", "json"])
        #expect(hit.text == cli.output, "the same bytes as the command line")
        #expect(hit.array.first?["id"] as? String == "beijing")
        let lemma = try server.get("/lexicon/lookup", query: ["word": "walked", "sign-language": "asl"])
        #expect(lemma.status == 200 && !lemma.array.isEmpty, "English words are found by their lemma")

        let miss = try server.get("/lexicon/lookup", query: ["word": "zzyzx", "sign-language": "asl"])
        #expect(miss.status == 404 && miss.object["error"] as? String == "asl: no entry for 'zzyzx'")
        let language = try server.get("/lexicon/lookup", query: ["word": "snow", "sign-language": "bsl"])
        #expect(language.status == 400 && (language.object["error"] as? String ?? "").contains("unknown sign language 'bsl'"))
        #expect(try server.get("/lexicon/lookup").status == 400, "word is required")
    }

    @Test("lexicon search ranks matches, pinyin initials included, up to the limit")
    func search() throws {
        // Many frequent words share the initials bj (比较, 表决, 编辑…), so 北京 is among the first ten, not the first three.
        let reply = try server.get("/lexicon/search", query: ["q": "bj", "sign-language": "csl", "limit": "10"])
        #expect(reply.status == 200)
        #expect(reply.array.count <= 10 && reply.array.contains { $0["id"] as? String == "beijing" })
        let limited = try server.get("/lexicon/search", query: ["q": "beij", "sign-language": "csl", "limit": "3"])
        #expect(limited.array.count <= 3 && limited.array.first?["id"] as? String == "beijing")
        #expect(try server.get("/lexicon/search", query: ["q": "bj", "limit": "0"]).status == 400)
    }

    @Test("gloss translates Chinese to CSL and English to ASL, with coverage on request")
    func gloss() throws {
        let csl = try server.post("/gloss", json: #"{"text": "今天北京下雪。", "signLanguage": "csl"}"#)
        #expect(csl.status == 200, "\(csl.text)")
        #expect(csl.object["signLanguage"] as? String == "csl" && csl.text.contains("北京"))
        let asl = try server.post("/gloss", json: #"{"text": "The weather is cold today.", "signLanguage": "asl", "coverage": true}"#)
        #expect(asl.status == 200, "\(asl.text)")
        let sequence = try #require(asl.object["sequence"] as? [String: Any])
        #expect(sequence["signLanguage"] as? String == "asl" && asl.object["coverage"] != nil)
        #expect(asl.text.uppercased().contains("COLD"))
    }

    @Test("bad JSON, a missing field, an empty text, an oversized body, a wrong path or method get clear 4xx errors")
    func badRequests() throws {
        let broken = try server.post("/gloss", json: #"{"text": "#)
        #expect(broken.status == 400 && (broken.object["error"] as? String ?? "").hasPrefix("bad JSON"))
        let neither = try server.post("/gloss", json: #"{"signLanguage": "csl"}"#)
        #expect(neither.status == 400 && neither.object["error"] as? String == "give either 'text' or 'segments'")
        let empty = try server.post("/gloss", json: #"{"text": "  "}"#)
        #expect(empty.status == 400)
        let folder = try TestFiles.temporaryFolder()
        let big = folder.appendingPathComponent("big.json")
        try Data(("{\"text\": \"" + String(repeating: "a", count: 2 << 20) + "\"}").utf8).write(to: big)
        let tooLarge = try server.post("/gloss", body: big, headers: ["Content-Type: application/json"])
        #expect(tooLarge.status == 413 && (tooLarge.object["error"] as? String ?? "").contains("too large"))
        // Without Content-Length (chunked), the limit still holds while the body streams in.
        let chunked = try server.post("/gloss", body: big, headers: ["Transfer-Encoding: chunked"])
        #expect(chunked.status == 413)
        let route = try server.get("/nowhere")
        #expect(route.status == 404 && route.object["error"] as? String == "no endpoint GET /nowhere")
        let method = try server.post("/health", json: "{}")
        #expect(method.status == 405 && method.object["error"] as? String == "POST is not allowed on /health (allowed: GET)")
    }

    @Test("distill condenses text to the signing rate, as the CLI's JSON")
    func distill() throws {
        let text = "Well, you know, the weather tomorrow will be very, very cold in the north of the country, "
            + "and the snow will really be quite heavy in the mountains."
        let reply = try server.post("/distill", json: "{\"text\": \"\(text)\", \"rate\": 60, \"maxLag\": 3}")
        #expect(reply.status == 200, "\(reply.text)")
        let report = try #require(reply.object["report"] as? [String: Any])
        #expect(try #require(reply.object["passages"] as? [[String: Any]]).count >= 1)
        #expect(try #require(report["unitsPerMinute"] as? Double) < (try #require(report["sourceUnitsPerMinute"] as? Double)))
        let bad = try server.post("/distill", json: #"{"text": "snow", "rate": 0}"#)
        #expect(bad.status == 400 && (bad.object["error"] as? String ?? "").contains("rate"))
        // CSL signs Chinese: English text for it is refused with the sign language that signs English.
        let crossed = try server.post("/distill", json: #"{"text": "Snow is coming.", "signLanguage": "csl"}"#)
        #expect(crossed.status == 400 && crossed.object["error"] as? String == "csl signs Chinese, not English; choose sign language asl",
                "\(crossed.text)")
    }

    @Test("animate turns gloss JSON into BVH and binary glTF with the right content types")
    func animate() throws {
        let folder = try TestFiles.temporaryFolder()
        let glosses = folder.appendingPathComponent("glosses.json")
        try server.post("/gloss", json: #"{"text": "明天北京下雪。", "signLanguage": "csl"}"#).body.write(to: glosses)
        let bvh = try server.post("/animate?format=bvh&fps=30", body: glosses)
        #expect(bvh.status == 200 && bvh.contentType.hasPrefix("text/plain"))
        #expect(bvh.text.hasPrefix("HIERARCHY") && bvh.text.contains("Frame Time: 0.033333"))
        let glb = try server.post("/animate?format=glb", body: glosses)
        #expect(glb.status == 200 && glb.contentType == "model/gltf-binary")
        #expect(glb.body.prefix(4) == Data("glTF".utf8) && glb.body.count > 1000)
        let length = glb.body.dropFirst(8).prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(length == glb.body.count, "the GLB header's length is the file's")
        #expect(try server.post("/animate?format=fbx", body: glosses).status == 400)
    }

    @Test("unknown jobs are 404")
    func unknownJob() throws {
        let reply = try server.get("/jobs/no-such-job")
        #expect(reply.status == 404 && reply.object["error"] as? String == "no job 'no-such-job'")
        #expect(try server.get("/jobs/no-such-job/result").status == 404)
    }
}
