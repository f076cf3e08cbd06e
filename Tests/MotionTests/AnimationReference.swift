import Foundation
import Lexicon
import Motion

/// One run over the reference signs: each sign's name, input checksum and output checksum (see AnimationReferenceTests).
enum AnimationReference {
    struct Row {
        var name: String
        var input: String
        var output: String
    }

    /// Animates every sign at 25 fps with the default avatar timing; with `reference`, writes or compares whole tracks.
    static func run(avatar: Avatar, packageRoot: URL, ngtFolder: URL, reference: FullReference?) throws -> [Row] {
        let animator = Animator(avatar: avatar)
        var rows: [Row] = []
        for sign in try ReferenceSigns.all(packageRoot: packageRoot, ngtFolder: ngtFolder) {
            let output: String
            switch Result(catching: { try animator.animate([.sign(try sign.description.get())], fps: 25).track }) {
            case let .success(track):
                output = Digest.track(track)
                try reference?.check(sign.name, track: track)
            case let .failure(error):
                output = Digest.text("error: \(error)")
                try reference?.check(sign.name, error: "\(error)")
            }
            rows.append(Row(name: sign.name, input: sign.input, output: output))
        }
        return rows
    }

    /// The digest file's text: one tab-separated line per sign.
    static func text(_ rows: [Row]) -> String {
        rows.map { "\($0.name)\t\($0.input)\t\($0.output)\n" }.joined()
    }
}

/// The signs the reference covers, each with a stable name and a checksum of its input.
enum ReferenceSigns {
    struct Sign {
        var name: String
        var input: String
        var description: Result<SignDescription, any Error>
    }

    static func all(packageRoot: URL, ngtFolder folder: URL) throws -> [Sign] {
        var signs: [Sign] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for code in ["csl", "asl"] {
            let lexicon = try LexiconLoader.load(folder: packageRoot.appendingPathComponent("Lexicon/\(code)").path)
            for entry in lexicon.entries {
                signs.append(Sign(name: "\(code)/\(entry.id)", input: Digest.bytes(Array(try encoder.encode(entry.phonology))),
                                  description: .success(SignDescription(entry: entry))))
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sigml") }.sorted()
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let input = Digest.bytes(Array(data))
            do {
                var report = SiGMLImportReport()
                for (index, sign) in try SignDescription.signs(sigml: data, source: path, report: &report).enumerated() {
                    signs.append(Sign(name: "ngt/\(file)#\(index)", input: input, description: .success(sign)))
                }
            } catch {
                signs.append(Sign(name: "ngt/\(file)#0", input: input, description: .failure(error)))
            }
        }
        return signs
    }
}

/// 64-bit FNV-1a checksums, as 16 hex digits.
enum Digest {
    static func bytes(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(format: "%016llx", hash)
    }

    static func text(_ text: String) -> String { bytes(Array(text.utf8)) }

    /// The track's spans and every frame value rounded to 1e-6 (so the last bits of a platform's maths do not count).
    static func track(_ track: AnimationTrack) -> String {
        var words: [Int64] = [Int64(track.frames.count), Int64((track.fps * 1e6).rounded())]
        for span in track.spans {
            words += [Int64((span.start * 1e6).rounded()), Int64((span.end * 1e6).rounded())]
            words += Array((span.gloss + "|" + "\(span.movement)").utf8).map(Int64.init)
        }
        for value in FullReference.values(track) { words.append(Int64((value * 1e6).rounded())) }
        return bytes(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } })
    }
}

/// Whole tracks in a folder outside git: written on the first run, compared on later ones.
final class FullReference {
    let folder: URL
    private(set) var written = 0, compared = 0, maxDifference = 0.0
    private(set) var mismatches: [String] = []

    init(folder: String) { self.folder = URL(fileURLWithPath: folder) }

    /// Every number of a track in a fixed order: fps, span times, then per frame root, rotations (w x y z), controls.
    static func values(_ track: AnimationTrack) -> [Double] {
        var values = [track.fps] + track.spans.flatMap { [$0.start, $0.end] }
        for frame in track.frames {
            values += [frame.rootPosition.x, frame.rootPosition.y, frame.rootPosition.z]
            for q in frame.rotations { values += [q.w, q.x, q.y, q.z] }
            values += frame.controls
        }
        return values
    }

    var summary: String {
        "full reference \(folder.path): \(written) written, \(compared) compared, max difference \(maxDifference), \(mismatches.count) mismatches"
    }

    private func file(_ name: String, _ suffix: String) -> URL {
        folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "_") + suffix)
    }

    func check(_ name: String, track: AnimationTrack) throws {
        let values = Self.values(track)
        let jsonl = try JSONLinesWriter.document(track)
        let raw = values.withUnsafeBufferPointer { Data(buffer: $0) }
        let rawFile = file(name, ".f64"), jsonlFile = file(name, ".jsonl")
        if FileManager.default.fileExists(atPath: file(name, ".error").path) { mismatches.append("\(name): failed before, animates now") }
        guard FileManager.default.fileExists(atPath: rawFile.path) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try raw.write(to: rawFile)
            try Data(jsonl.utf8).write(to: jsonlFile)
            written += 1
            return
        }
        compared += 1
        let data = try Data(contentsOf: rawFile)
        var old = [Double](repeating: 0, count: data.count / MemoryLayout<Double>.size)
        _ = old.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        guard old.count == values.count else { mismatches.append("\(name): \(old.count) values before, \(values.count) now"); return }
        let difference = zip(old, values).map { abs($0 - $1) }.max() ?? 0
        maxDifference = max(maxDifference, difference)
        if difference > 1e-9 { mismatches.append("\(name): differs by \(difference)") }
        // The JSON Lines header carries the glosses and movement kinds of the spans.
        let oldHeader = try String(contentsOf: jsonlFile, encoding: .utf8).prefix { $0 != "\n" }
        if oldHeader != jsonl.prefix(while: { $0 != "\n" }) { mismatches.append("\(name): JSON Lines header differs") }
    }

    func check(_ name: String, error: String) throws {
        let errorFile = file(name, ".error")
        if FileManager.default.fileExists(atPath: file(name, ".f64").path) { mismatches.append("\(name): animated before, fails now: \(error)") }
        guard FileManager.default.fileExists(atPath: errorFile.path) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(error.utf8).write(to: errorFile)
            written += 1
            return
        }
        compared += 1
        if try String(contentsOf: errorFile, encoding: .utf8) != error { mismatches.append("\(name): error differs") }
    }
}
