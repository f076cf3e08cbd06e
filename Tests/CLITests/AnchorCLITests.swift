import Foundation
import Testing
import TestSupport

/// The whole job through the command line, on media made in the test.
@Suite("signanchor anchor and render", .serialized)
struct AnchorCLITests {
    static func run(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(TestFiles.program.path, arguments)
    }

    /// Reads the JSON report `anchor` writes beside the video.
    static func report(_ video: URL) throws -> [String: Any] {
        let url = video.deletingPathExtension().appendingPathExtension("report.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("English speech → MP4 with the avatar signing, the speech's audio and a sane report")
    func englishSpeech() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("The weather tomorrow will be cold. The team won the match.", in: folder)
        let video = folder.appendingPathComponent("signed.mp4")
        let result = try Self.run(["anchor", speech.path, "-o", video.path, "--size", "320x240", "--beam", "1",
                                   "--export", "srt,jsonl", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try TestMedia.probeVideo(video)
        let report = try Self.report(video)
        let speechSeconds = try #require(report["mediaDuration"] as? Double)
        #expect(info.duration >= speechSeconds - 0.1, "the video covers the speech")
        #expect(info.frames == Int((try #require(report["videoDuration"] as? Double) * 25).rounded()))
        #expect(try #require(report["glossCount"] as? Int) >= 3)
        #expect((report["stages"] as? [[String: Any]])?.map { $0["name"] as? String } == ["transcribe", "distill", "gloss", "animate", "render"])
        let srt = try String(contentsOf: folder.appendingPathComponent("signed.srt"), encoding: .utf8)
        #expect(srt.contains("COLD") || srt.contains("WEATHER"), "\(srt)")
        // The avatar moves: frames a second apart differ where the hands are.
        let frames = try TestMedia.decodeFrames(video, width: 320, height: 240)
        #expect(Signals.psnr(frames[10], frames[35]) < 40)
        let audio = try MediaProbe.audioDuration(video)
        #expect(abs(audio - speechSeconds) < 0.2)
    }

    @Test("a broadcast piped into stdin (-) is signed like a file, and the spool is removed")
    func standardInput() throws {
        let folder = try TestFiles.temporaryFolder()
        let speech = try TestMedia.speech("The weather tomorrow will be cold.", in: folder)
        let video = folder.appendingPathComponent("piped.mp4")
        let result = try Shell.run(TestFiles.program.path, ["anchor", "-", "-o", video.path, "--size", "160x120", "--beam", "1", "--quiet"],
                                   input: try Data(contentsOf: speech))
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.report(video)
        #expect(report["input"] as? String == "-")
        #expect(abs(try #require(report["mediaDuration"] as? Double) - (try MediaProbe.audioDuration(speech))) < 0.1)
        #expect(abs(try MediaProbe.audioDuration(video) - (try MediaProbe.audioDuration(speech))) < 0.2, "the piped audio is muxed")
        let empty = try Shell.run(TestFiles.program.path, ["anchor", "-", "-o", folder.appendingPathComponent("none.mp4").path], input: Data())
        #expect(empty.status == 1 && empty.stderr.contains("standard input is empty"), "\(empty.stderr)")
    }

    @Test("CSL from a Chinese SRT, avatar alone")
    func chineseSubtitles() throws {
        let folder = try TestFiles.temporaryFolder()
        let srt = folder.appendingPathComponent("news.srt")
        try Data("1\n00:00:00,500 --> 00:00:03,000\n今天北京下雪。\n\n2\n00:00:03,500 --> 00:00:06,000\n明天天气很冷。\n\n".utf8).write(to: srt)
        let video = folder.appendingPathComponent("csl.mp4")
        let result = try Self.run(["anchor", "--transcript", srt.path, "--sign-language", "csl", "-o", video.path,
                                   "--size", "160x120", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.report(video)
        #expect(report["signLanguage"] as? String == "csl")
        #expect(try #require(report["glossCount"] as? Int) >= 3)
        #expect(try TestMedia.probeVideo(video).frames > 25)
    }

    @Test("render overlays the avatar on a programme, keeping its duration, frame count and audio")
    func overlay() throws {
        let folder = try TestFiles.temporaryFolder()
        let animation = folder.appendingPathComponent("signs.jsonl")
        let gloss = try Self.run(["anchor", "--text", "Today snow. Tomorrow cold.", "-o", folder.appendingPathComponent("a.mp4").path,
                                  "--size", "160x120", "--export", "jsonl", "--quiet"])
        #expect(gloss.status == 0, "\(gloss.stderr)")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("a.jsonl"), to: animation)
        let tone = try TestMedia.tone(in: folder, seconds: 3)
        let programme = folder.appendingPathComponent("programme.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30", "-i", tone.path,
                                  "-t", "3", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", programme.path])
        let output = folder.appendingPathComponent("with-avatar.mp4")
        let result = try Self.run(["render", animation.path, "-o", output.path, "--overlay", programme.path,
                                   "--corner", "top-left", "--scale", "0.5", "--still", "45", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let source = try TestMedia.probeVideo(programme), rendered = try TestMedia.probeVideo(output)
        #expect(rendered.frames == source.frames)
        #expect(abs(rendered.duration - source.duration) < 0.05)
        #expect(abs(try MediaProbe.audioDuration(output) - (try MediaProbe.audioDuration(programme))) < 0.05)
        // The inset is top-left; the rest of the picture is the programme's.
        let ours = try TestMedia.decodeFrames(output, width: 320, height: 180)[45]
        let theirs = try TestMedia.decodeFrames(programme, width: 320, height: 180)[45]
        func region(_ pixels: [UInt8], x: Range<Int>, y: Range<Int>) -> [UInt8] {
            y.flatMap { row in x.flatMap { column in pixels[(row * 320 + column) * 4..<(row * 320 + column) * 4 + 3] } }
        }
        // Outside the inset: the programme, re-encoded once more (testsrc2 is busy detail, hence 25 dB).
        #expect(Signals.psnr(region(ours, x: 200..<320, y: 100..<180), region(theirs, x: 200..<320, y: 100..<180)) > 25)
        #expect(Signals.psnr(region(ours, x: 24..<90, y: 24..<110), region(theirs, x: 24..<90, y: 24..<110)) < 20)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("with-avatar-45.png").path))
    }

    @Test("gloss JSON → animate → BVH and JSON Lines; one lexicon sign with lexicon show --animate")
    func animate() throws {
        let folder = try TestFiles.temporaryFolder()
        let glosses = folder.appendingPathComponent("glosses.json")
        let gloss = try Self.run(["gloss", "--text", "明天北京下雪。", "--sign-language", "csl", "--format", "json", "-o", glosses.path])
        #expect(gloss.status == 0, "\(gloss.stderr)")
        let bvh = folder.appendingPathComponent("phrase.bvh")
        #expect(try Self.run(["animate", glosses.path, "-o", bvh.path, "--fps", "30"]).status == 0)
        let text = try String(contentsOf: bvh, encoding: .utf8)
        let frames = try #require(text.split(separator: "\n").first { $0.hasPrefix("Frames:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(frames > 60, "three signs at 30 fps last more than two seconds")
        #expect(text.contains("Frame Time: 0.033333"))
        let one = folder.appendingPathComponent("beijing.jsonl")
        #expect(try Self.run(["lexicon", "show", "beijing", "--sign-language", "csl", "--animate", "-o", one.path]).status == 0)
        let lines = try String(contentsOf: one, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.contains("\"type\":\"header\"") == true && lines.count > 10)
        #expect(try Self.run(["animate", glosses.path, "-o", folder.appendingPathComponent("x.fbx").path]).status == 1)

        // The .pose export loads in pose-format (installed by scripts/setup into .venv-test) with the same frames.
        let pose = folder.appendingPathComponent("phrase.pose")
        #expect(try Self.run(["animate", glosses.path, "-o", pose.path, "--fps", "30"]).status == 0)
        let python = TestFiles.packageRoot.appendingPathComponent(".venv-test/bin/python").path
        let read = try Shell.run(python, ["-c", """
            import sys; from pose_format import Pose
            p = Pose.read(open(sys.argv[1], "rb").read())
            print(p.body.fps, *p.body.data.shape, p.header.components[0].points[0], float(p.body.data[:, 0, 0, 1].std()))
            """, pose.path])
        let fields = read.output.split(separator: " ").map(String.init)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(fields.count == 7 && fields[0] == "30.0" && Int(fields[1]) == frames && fields[2] == "1", "\(read.output)")
        #expect(fields.count == 7 && fields[3] == "44" && fields[4] == "3" && fields[5] == "pelvis")

        // The .glb loads in pygltflib: skeleton, skinned mesh, and per-joint rotations equal to the JSON Lines ones.
        let glb = folder.appendingPathComponent("beijing.glb")
        #expect(try Self.run(["lexicon", "show", "beijing", "--sign-language", "csl", "--animate", "-o", glb.path]).status == 0)
        let gltf = try Shell.run(python, ["-c", """
            import sys, json, struct
            from pygltflib import GLTF2
            g = GLTF2().load(sys.argv[1]); blob = g.binary_blob()
            sampler = g.animations[0].samplers[g.animations[0].channels[9].sampler]
            out = g.accessors[sampler.output]; view = g.bufferViews[out.bufferView]
            frame = 20
            x, y, z, w = struct.unpack_from("<4f", blob, view.byteOffset + frame * 16)
            line = json.loads(open(sys.argv[2]).read().splitlines()[1 + frame])
            expected = line["rotations"][g.animations[0].channels[9].target.node]
            print(len(g.skins[0].joints), len(g.meshes), g.accessors[sampler.input].count, max(abs(a - b) for a, b in zip([w, x, y, z], expected)))
            """, glb.path, one.path])
        let values = gltf.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        #expect(gltf.status == 0, "\(gltf.stderr)")
        #expect(values.count == 4 && values[0] == "44" && values[1] == "1" && Int(values[2]) == lines.count - 1, "\(gltf.output)")
        #expect((Double(values.last ?? "") ?? 1) < 1e-4, "rotation in the .glb differs from JSON Lines: \(gltf.output)")

        // It carries the human mesh: materials, the 52 face units, their weights animated (the sign mouths 北京).
        let face = try Shell.run(python, ["-c", """
            import sys, struct
            from pygltflib import GLTF2
            g = GLTF2().load(sys.argv[1]); blob = g.binary_blob(); mesh = g.meshes[0]
            channel = [c for c in g.animations[0].channels if c.target.path == "weights"][0]
            out = g.accessors[g.animations[0].samplers[channel.sampler].output]; view = g.bufferViews[out.bufferView]
            values = struct.unpack_from("<%df" % out.count, blob, view.byteOffset)
            jaw = mesh.extras["targetNames"].index("jawOpen")
            print(len(mesh.primitives), len(mesh.primitives[0].targets), g.accessors[mesh.primitives[0].attributes.POSITION].count,
                  max(values[jaw::len(mesh.extras["targetNames"])]))
            """, glb.path])
        let meshFields = face.output.split(separator: " ").map(String.init)
        #expect(face.status == 0, "\(face.stderr)")
        #expect(meshFields.count == 4 && Int(meshFields[0]) ?? 0 >= 10 && meshFields[1] == "52" && Int(meshFields[2]) ?? 0 > 10_000,
                "\(face.output)")
        #expect((Double(meshFields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0) > 0.1, "the jaw never opens: \(face.output)")
    }

    @Test("signs mouth their words; --no-mouthing leaves the mouth still")
    func mouthing() throws {
        let folder = try TestFiles.temporaryFolder()
        func mouthRange(_ extra: [String]) throws -> Double {
            let track = folder.appendingPathComponent("m\(extra.count).jsonl")
            let result = try Self.run(["lexicon", "show", "gaoxiao", "--sign-language", "csl", "--animate", "-o", track.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try String(contentsOf: track, encoding: .utf8).split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
            }
            let names = lines.first?["controls"] as? [String] ?? []
            let indices = ["mouth_open", "mouth_wide", "mouth_round", "lips_press"].compactMap { names.firstIndex(of: $0) }
            #expect(indices.count == 4)
            return lines.dropFirst().map { frame in
                let controls = frame["controls"] as? [Double] ?? []
                return indices.map { abs(controls[$0]) }.max() ?? 0
            }.max() ?? 0
        }
        #expect(try mouthRange([]) > 0.2)
        #expect(try mouthRange(["--no-mouthing"]) == 0)
    }

    @Test("silence gives the avatar waiting at rest for as long as the input, not an error")
    func silence() throws {
        let folder = try TestFiles.temporaryFolder()
        let silent = folder.appendingPathComponent("silence.wav")
        try Shell.must("sox", ["-n", "-r", "16000", "-c", "1", silent.path, "synth", "3", "sine", "0", "vol", "0"])
        let video = folder.appendingPathComponent("idle.mp4")
        let result = try Self.run(["anchor", silent.path, "-o", video.path, "--size", "160x120", "--beam", "1", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.report(video)["glossCount"] as? Int == 0)
        #expect(abs(try TestMedia.probeVideo(video).duration - 3) < 0.3)
    }

    @Test("bad jobs are one-line user errors and leave no output")
    func badJobs() throws {
        let folder = try TestFiles.temporaryFolder()
        let video = folder.appendingPathComponent("x.mp4").path
        for (arguments, needle) in [(["anchor", "-o", video], "give INPUT"),
                                    (["anchor", "/nonexistent.wav", "-o", video, "--quiet"], "/nonexistent.wav"),
                                    (["anchor", "--text", "hello", "-o", folder.appendingPathComponent("x.avi").path], ".mp4, .mov or .webm"),
                                    (["anchor", "--text", "hello", "-o", video, "--sign-language", "bsl"], "csl or asl"),
                                    (["render", "/nonexistent.jsonl", "-o", video], "/nonexistent.jsonl")] {
            let result = try Self.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(needle), "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// ffprobe reads of an output's audio.
enum MediaProbe {
    /// Duration of the first audio stream in seconds.
    static func audioDuration(_ url: URL) throws -> Double {
        let result = try Shell.must("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=duration",
                                                "-of", "default=noprint_wrappers=1:nokey=1", url.path])
        return Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
