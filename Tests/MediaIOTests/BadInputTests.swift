import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport

@Suite("Bad input gives a typed error naming the file")
struct BadInputTests {
    @Test func missingFile() throws {
        #expect(throws: MediaIOError.fileNotFound(path: "/nonexistent/news.mp3")) {
            try AudioReader(path: "/nonexistent/news.mp3")
        }
    }

    @Test func directory() throws {
        let folder = try TestFiles.temporaryFolder()
        #expect(throws: MediaIOError.isDirectory(path: folder.path)) { try AudioReader(path: folder.path) }
    }

    @Test func emptyFile() throws {
        let file = try TestFiles.temporaryFolder().appendingPathComponent("empty.mp3")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data())
        #expect(throws: MediaIOError.emptyFile(path: file.path)) { try AudioReader(path: file.path) }
    }

    @Test("a text file renamed .mp3")
    func textAsMP3() throws {
        let file = try TestFiles.temporaryFolder().appendingPathComponent("notes.mp3")
        try Data("Tonight's headlines: nothing to see here.\n".utf8).write(to: file)
        let error = try #require(throws: MediaIOError.self) { try AudioReader(path: file.path) }
        guard case .unrecognizedFormat(let path, _) = error else { Issue.record("got \(error)"); return }
        #expect(path == file.path)
        #expect(error.description.hasPrefix(file.path + ": "))
    }

    /// An MP3 cut off mid-way whose Xing header still declares the full length.
    @Test("a truncated MP3")
    func truncated() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, name: "tone.wav", seconds: 10)
        let name = "tone.mp3"
        let whole = try TestMedia.convert(wav, to: name, in: folder)
        let bytes = try Data(contentsOf: whole)
        let cut = folder.appendingPathComponent("cut-" + name)
        try bytes.prefix(bytes.count / 3).write(to: cut)
        let error = try #require(throws: MediaIOError.self) { _ = try AudioDecoding.readAll(path: cut.path) }
        guard case let .truncated(path, declared, decoded) = error else { Issue.record("got \(error)"); return }
        #expect(path == cut.path)
        #expect(declared > 9.9)
        #expect(decoded < 4.5)
    }

    @Test("a video with no audio stream")
    func noAudioStream() throws {
        let folder = try TestFiles.temporaryFolder()
        let mp4 = folder.appendingPathComponent("silent-film.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "1",
                                  "-c:v", "libx264", mp4.path])
        #expect(throws: MediaIOError.noAudioStream(path: mp4.path)) { try AudioReader(path: mp4.path) }
    }

    @Test("zero-length audio")
    func zeroLength() throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = folder.appendingPathComponent("zero.wav")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "0", wav.path])
        #expect(throws: MediaIOError.noAudio(path: wav.path)) { _ = try AudioDecoding.readAll(path: wav.path) }
    }

    @Test("an unwritable output path leaves nothing behind")
    func unwritableOutput() throws {
        let folder = try TestFiles.temporaryFolder()
        let rate = try FrameRate(25)
        let missingFolder = folder.appendingPathComponent("no-such-folder/out.mp4").path
        #expect(throws: MediaIOError.self) { try VideoEncoder(path: missingFolder, width: 64, height: 64, frameRate: rate) }
        #expect(throws: MediaIOError.self) { try VideoEncoder(path: folder.path, width: 64, height: 64, frameRate: rate) }
        #expect(throws: MediaIOError.self) {
            try PNGWriter.write(RGBAImage(width: 4, height: 4), to: missingFolder.replacingOccurrences(of: ".mp4", with: ".png"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an encoder dropped before finishing leaves no file")
    func noHalfWrittenOutput() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("broken.mp4").path
        do {
            let encoder = try VideoEncoder(path: path, width: 64, height: 64, frameRate: try FrameRate(25))
            try encoder.append(RGBAImage(width: 64, height: 64))
            #expect(throws: MediaIOError.frameSizeMismatch(expected: "64x64", got: "32x32")) {
                try encoder.append(RGBAImage(width: 32, height: 32))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("odd sizes and bad options are refused")
    func badOptions() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("x.mp4").path
        #expect(throws: MediaIOError.self) { try VideoEncoder(path: path, width: 641, height: 480, frameRate: try FrameRate(25)) }
        #expect(throws: MediaIOError.self) {
            try VideoEncoder(path: path, width: 64, height: 64, frameRate: try FrameRate(25), options: .init(preset: "warp9"))
        }
        #expect(throws: MediaIOError.self) { try FrameRate(parsing: "fast") }
        #expect(throws: MediaIOError.self) { try FrameRate(0) }
        #expect(throws: MediaIOError.self) { try AudioReader(path: path, chunkSeconds: 0) }
    }
}

@Suite("Hostile files never crash the decoder")
struct HostileInputTests {
    @Test("damaged MP3, M4A, Opus and MKV files decode or fail with a MediaIOError",
          arguments: [("tone.mp3", [] as [String]), ("tone.m4a", ["-c:a", "aac"]), ("tone.ogg", ["-c:a", "libopus"]),
                      ("tone.mkv", ["-c:a", "aac"])])
    func damaged(name: String, codec: [String]) throws {
        let folder = try TestFiles.temporaryFolder()
        let wav = try TestMedia.tone(in: folder, seconds: 2)
        let original = [UInt8](try Data(contentsOf: try TestMedia.convert(wav, to: name, in: folder, codec)))
        var random = SplitMix64(state: 42)
        for round in 0..<12 {
            var bytes = original
            // Overwrite a few runs of bytes, some in the header where the damage is worst.
            for _ in 0..<4 {
                let start = round % 3 == 0 ? Int.random(in: 0..<min(256, bytes.count), using: &random)
                                           : Int.random(in: 0..<bytes.count, using: &random)
                for i in start..<min(bytes.count, start + Int.random(in: 1...64, using: &random)) {
                    bytes[i] = UInt8.random(in: 0...255, using: &random)
                }
            }
            if round % 4 == 3 { bytes.removeLast(bytes.count / 3) }
            let damaged = folder.appendingPathComponent("damaged-\(round)-\(name)")
            try Data(bytes).write(to: damaged)
            do {
                _ = try AudioDecoding.readAll(path: damaged.path)
                _ = try MediaInfo.probe(path: damaged.path)
            } catch let error as MediaIOError {
                #expect(error.description.hasPrefix(damaged.path), "\(error)")
            }
        }
    }
}
