import Foundation
import Testing
@testable import Whisper

/// Parity with the golden vectors of window 0 of the dev clip (../shared/data/whisper-golden/README.md).
@Suite("Whisper golden parity", .serialized)
struct GoldenParityTests {
    @Test("log-mel of window 0 matches faster-whisper within 1e-3")
    func mel() throws {
        let expected = try NumpyFile.read(WhisperTestData.golden.appendingPathComponent("mel_window0_fw.npy"))
        #expect(expected.shape == [80, 3000])
        let samples = try WhisperTestData.newsSamples()
        let mel = samples.withUnsafeBufferPointer { LogMel(nMels: 80).window($0, firstFrame: 0) }
        let diff = zip(mel, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        print("mel max abs diff: \(diff)")
        #expect(diff < 1e-3)
    }

    @Test("encoder output of window 0 matches within 5e-3")
    func encoder() throws {
        let mel = try NumpyFile.read(WhisperTestData.golden.appendingPathComponent("mel_window0_fw.npy"))
        let expected = try NumpyFile.read(WhisperTestData.golden.appendingPathComponent("encoder_out_window0_f32.npy"))
        let output = Encoder(weights: WhisperTestData.model.weights).encode(mel.values)
        #expect(output.count == expected.values.count)
        let diff = zip(output, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        print("encoder max abs diff: \(diff)")
        #expect(diff < 5e-3)
    }

    @Test("greedy tokens of window 0 are identical")
    func greedy() throws {
        let model = WhisperTestData.model
        let (prompt, expected) = try WhisperTestData.goldenGreedy()
        #expect(expected.count == 93)
        let mel = try NumpyFile.read(WhisperTestData.golden.appendingPathComponent("mel_window0_fw.npy"))
        var options = TranscriptionOptions()
        options.beamSize = 1
        options.withoutTimestamps = true
        let windows = WindowDecoder(model: model, options: options)
        #expect(windows.prompt(previous: [], language: "en", withoutTimestamps: true) == prompt)
        windows.decoder.setAudio(Encoder(weights: model.weights).encode(mel.values))
        let result = windows.decode(prompt: prompt, options: options, temperature: 0)
        #expect(result.tokens == expected)
        print("greedy: \(model.tokenizer.decode(result.tokens))")
    }
}
