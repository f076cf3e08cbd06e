import AnchorCore
import Foundation

/// A loaded Whisper model: Float32 weights, tokenizer and decoding configuration, immutable and shareable.
///
/// Loads a CTranslate2 model folder (config.json, model.bin, vocabulary.txt) or a whisper.cpp ggml file;
/// f16, bf16 and f32 weights and CTranslate2 int8/int16 quantised weights (and ggml Q8_0) are converted to
/// Float32 once, here.
public final class WhisperModel: Sendable {
    /// The file formats the loader reads.
    public enum Format: String, Sendable {
        /// A CTranslate2 folder (`ct2-transformers-converter` output).
        case ctranslate2
        /// A whisper.cpp `ggml-*.bin` file.
        case ggml
    }

    /// Where the model was loaded from.
    public let path: String
    /// Which format it was.
    public let format: Format
    /// Hyper-parameters.
    public let dims: WhisperDimensions
    /// The decoder's arithmetic.
    public let computeType: ComputeType
    /// The BPE tokenizer with the special-token layout.
    public let tokenizer: Tokenizer
    /// Tokens masked at every step (CTranslate2 `suppress_ids`, or openai's default set).
    public let suppressTokens: [Int]
    /// Tokens masked at the first sampled step (`suppress_ids_begin`: blank and end of text).
    public let suppressAtBegin: [Int]
    let weights: WhisperWeights

    /// Loads a model, detecting the format from what `path` is.
    /// - Parameters:
    ///   - path: a CTranslate2 folder, its `model.bin`, or a ggml file.
    ///   - computeType: the decoder's arithmetic; int8 quantises its weights at load.
    /// - Throws: ``WhisperError`` naming the file when it is missing, foreign, truncated or inconsistent.
    public init(path: String, computeType: ComputeType = .float32) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if let entry = ModelCatalog.missing(path) {
                throw WhisperError.modelNotInstalled(name: entry.name, searched: ModelCatalog.dataSet(entry).searched)
            }
            throw WhisperError.modelNotFound(path: path)
        }
        Linalg.configureThreads()
        self.path = path
        self.computeType = computeType
        if isDirectory.boolValue || Self.magic(of: path) != GGMLModel.magic {
            let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
            let binary = folder + "/model.bin"
            guard FileManager.default.fileExists(atPath: binary) else {
                throw isDirectory.boolValue ? WhisperError.modelNotFound(path: binary) : WhisperError.unknownModelFormat(path: path)
            }
            var file = try CTranslate2Model(path: binary)
            guard file.specName == "WhisperSpec" || file.specName.isEmpty else {
                throw WhisperError.invalidModel(path: binary, reason: "spec \(file.specName) is not WhisperSpec")
            }
            let dims = try WhisperDimensions(ctranslate2: file.tensors, scalars: file.scalars, path: binary)
            format = .ctranslate2
            self.dims = dims
            weights = try Self.weights(taking: &file.tensors, dims: dims, path: binary, computeType: computeType)
            tokenizer = try Tokenizer.ctranslate2(folder: folder, vocabularySize: dims.nVocab)
            let config = try Self.config(folder + "/config.json")
            suppressTokens = config.suppress_ids ?? tokenizer.defaultSuppressedTokens()
            suppressAtBegin = config.suppress_ids_begin ?? [tokenizer.encode(" ")[0], tokenizer.special.endOfText]
        } else {
            var file = try GGMLModel(path: path)
            format = .ggml
            dims = file.dims
            weights = try Self.weights(taking: &file.tensors, dims: file.dims, path: path, computeType: computeType)
            tokenizer = Tokenizer(tokenBytes: file.tokenBytes, vocabularySize: file.dims.nVocab)
            suppressTokens = tokenizer.defaultSuppressedTokens()
            suppressAtBegin = [tokenizer.encode(" ")[0], tokenizer.special.endOfText]
        }
    }

    /// The weights built from a file's tensors and compacted for `computeType`; `tensors` is emptied, so each
    /// Float32 tensor the compaction replaces is freed at once instead of staying beside its compact form.
    private static func weights(taking tensors: inout [String: TensorData], dims: WhisperDimensions, path: String,
                                computeType: ComputeType) throws -> WhisperWeights {
        var weights = try WhisperWeights(taking: &tensors, dims: dims, path: path)
        tensors = [:]
        weights.compact(for: computeType)
        return weights
    }

    /// The parts of CTranslate2's Whisper `config.json` the decoder uses.
    private struct Config: Decodable {
        var suppress_ids: [Int]?
        var suppress_ids_begin: [Int]?
    }

    private static func config(_ path: String) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else { return Config() }
        do {
            return try JSONDecoder().decode(Config.self, from: data)
        } catch {
            throw WhisperError.invalidModelFile(path: path, reason: "malformed config.json: \(error)")
        }
    }

    /// The first four bytes of a file as a little-endian u32 (0 if shorter).
    private static func magic(of path: String) -> UInt32 {
        guard let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 4), head.count == 4
        else { return 0 }
        return head.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }
}
