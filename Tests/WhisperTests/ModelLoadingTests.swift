import Foundation
import Testing
import TestSupport
@testable import Whisper

@Suite("Whisper model loading", .serialized)
struct ModelLoadingTests {
    @Test("the CTranslate2 tiny.en model has the documented dimensions and tokens")
    func dimensions() throws {
        let model = WhisperTestData.model
        #expect(model.format == .ctranslate2)
        #expect(model.dims == WhisperDimensions(nMels: 80, nAudioCtx: 1500, nState: 384, nHead: 6, nAudioLayer: 4,
                                                nVocab: 51864, nTextCtx: 448, nTextLayer: 4))
        let special = model.tokenizer.special
        let ids: [Int] = [special.endOfText, special.startOfTranscript, special.translate, special.noSpeech,
                          special.noTimestamps, special.timestampBegin]
        #expect(ids == [50256, 50257, 50357, 50361, 50362, 50363])
        #expect(special.languageToken("en") == 50258 && special.languageToken("zh") == 50259)
        #expect(model.suppressTokens.count == 90)
        #expect(model.suppressAtBegin == [220, 50256])
    }

    @Test("a ggml file converted from the CTranslate2 weights loads and decodes the same tokens")
    func ggmlRoundTrip() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ggml = folder.appendingPathComponent("ggml-tiny.en.bin")
        try GGMLWriter.convert(ctranslate2: WhisperTestData.modelPath, tokenizer: WhisperTestData.model.tokenizer, to: ggml)
        let model = try WhisperModel(path: ggml.path)
        #expect(model.format == .ggml)
        #expect(model.dims == WhisperTestData.model.dims)
        // Without config.json the suppression list is rebuilt from the tokenizer: it must equal CTranslate2's.
        #expect(model.suppressTokens == WhisperTestData.model.suppressTokens)
        #expect(model.weights.tokenEmbedding == WhisperTestData.model.weights.tokenEmbedding)

        let greedy = try WhisperTestData.greedyWindow0(model)
        #expect(greedy.tokens == greedy.expected)

        // A truncated ggml file is reported as such.
        let truncated = folder.appendingPathComponent("cut.bin")
        try Data(try Data(contentsOf: ggml).prefix(5_000_000)).write(to: truncated)
        #expect(throws: WhisperError.truncatedModel(path: truncated.path, offset: 5_000_000)) {
            try WhisperModel(path: truncated.path)
        }
    }

    @Test("an int8 CTranslate2 model (per-row scales, aliased scales) dequantises and transcribes")
    func int8() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for side in ["config.json", "vocabulary.txt"] {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(side).path,
                                                       withDestinationPath: WhisperTestData.modelPath + "/" + side)
        }
        let original = try CTranslate2Model(path: WhisperTestData.modelPath + "/model.bin")
        try CTranslate2Writer.writeInt8(from: original, to: folder.appendingPathComponent("model.bin"))
        let model = try WhisperModel(path: folder.path)
        // Dequantised weights are within half a quantisation step of the originals.
        let name = "encoder/layer_0/ffn/linear_0/weight"
        let reference = try #require(original.tensors[name]).values, rowLength = 384
        let loaded = model.weights.encoderLayers[0].mlpUp.weight
        for row in [0, 700, 1535] {
            let slice = reference[(row * rowLength)..<((row + 1) * rowLength)]
            let step = (slice.map(abs).max() ?? 0) / 127
            let error = zip(slice, loaded[(row * rowLength)..<((row + 1) * rowLength)]).map { abs($0 - $1) }.max() ?? 1
            #expect(error <= step / 2 * 1.001)
        }
        #expect(model.weights.tokenEmbedding != WhisperTestData.model.weights.tokenEmbedding)

        let (tokens, expected) = try WhisperTestData.greedyWindow0(model)
        let wer = WhisperTestData.wordErrorRate(reference: model.tokenizer.decode(expected), hypothesis: model.tokenizer.decode(tokens))
        print("int8 greedy vs f32 golden: WER \(wer)")
        #expect(wer <= 0.05)
    }

    @Test("truncated, foreign and missing models give their errors, naming the file")
    func badModels() throws {
        let folder = try TestFiles.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for side in ["config.json", "vocabulary.txt", "tokenizer.json"] {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(side).path,
                                                       withDestinationPath: WhisperTestData.modelPath + "/" + side)
        }
        let binary = folder.appendingPathComponent("model.bin")
        let original = try Data(contentsOf: URL(fileURLWithPath: WhisperTestData.modelPath + "/model.bin"))
        try Data(original.prefix(1_000_000)).write(to: binary)
        #expect(throws: WhisperError.truncatedModel(path: binary.path, offset: 1_000_000)) {
            try WhisperModel(path: folder.path)
        }
        let error = WhisperError.truncatedModel(path: binary.path, offset: 1_000_000)
        #expect(error.description.hasPrefix(binary.path) && error.isUserError)

        try Data("this is not a model\n".utf8).write(to: binary)
        #expect(throws: WhisperError.unknownModelFormat(path: binary.path)) { try WhisperModel(path: folder.path) }

        var future = original
        future[0] = 7  // binary version 7
        try future.write(to: binary)
        #expect(throws: WhisperError.unsupportedModelVersion(path: binary.path, version: 7)) {
            try WhisperModel(path: folder.path)
        }

        #expect(throws: WhisperError.modelNotFound(path: "/nonexistent/model")) { try WhisperModel(path: "/nonexistent/model") }
    }
}
