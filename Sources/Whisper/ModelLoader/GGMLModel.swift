import Foundation

// port of the loader in https://github.com/ggml-org/whisper.cpp/blob/master/src/whisper.cpp (whisper_model_load)
// for the legacy "ggml" container written by models/convert-pt-to-ggml.py (whisper-notes.md §2, GGML).

/// Reads a whisper.cpp ggml model file and renames its tensors onto the CTranslate2 layout,
/// fusing the separate query/key/value projections the way CTranslate2 stores them.
struct GGMLModel {
    /// "ggml" read as a little-endian u32.
    static let magic: UInt32 = 0x6767_6D6C

    let dims: WhisperDimensions
    /// Raw bytes of every text token, ids 0..<count (specials are synthesised from the vocabulary size).
    let tokenBytes: [[UInt8]]
    /// Tensors under their CTranslate2 names and shapes.
    var tensors: [String: TensorData]

    /// Parses `path`; every tensor whisper.cpp requires must be present.
    /// - Throws: ``WhisperError`` naming the file (bad magic, truncated, unsupported type, missing tensor).
    init(path: String) throws {
        let file = try MappedFile(path: path)
        (dims, tokenBytes, tensors) = try Self.parse(file.bytes, path: path)
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, path: String)
        throws -> (WhisperDimensions, [[UInt8]], [String: TensorData]) {
        var reader = BinaryReader(bytes: raw, path: path)
        guard try reader.read(UInt32.self) == magic else { throw WhisperError.unknownModelFormat(path: path) }
        var header: [Int] = []
        for _ in 0..<11 { header.append(Int(try reader.read(Int32.self))) }
        // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer,
        // n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
        let dims = WhisperDimensions(nMels: header[9], nAudioCtx: header[1], nState: header[2], nHead: header[3],
                                     nAudioLayer: header[4], nVocab: header[0], nTextCtx: header[5], nTextLayer: header[8])
        guard header[6] == header[2], header[7] == header[3], dims.nHead > 0, dims.nState % dims.nHead == 0,
              dims.nVocab > 50_000, dims.nMels > 0 else {
            throw WhisperError.invalidModel(path: path, reason: "inconsistent hyper-parameters \(header)")
        }
        // Mel filterbank (n_mel × n_fft): we compute our own, identical one (Mel.swift).
        let filterRows = Int(try reader.read(Int32.self)), filterColumns = Int(try reader.read(Int32.self))
        _ = try reader.bytes(4 * filterRows * filterColumns)

        let tokenCount = Int(try reader.read(Int32.self))
        guard tokenCount > 0, tokenCount <= dims.nVocab else {
            throw WhisperError.invalidModel(path: path, reason: "vocabulary of \(tokenCount) tokens")
        }
        var tokenBytes: [[UInt8]] = []
        tokenBytes.reserveCapacity(tokenCount)
        for _ in 0..<tokenCount {
            tokenBytes.append([UInt8](try reader.bytes(Int(try reader.read(Int32.self)))))
        }

        var byName: [String: TensorData] = [:]
        while !reader.isAtEnd {
            let rank = Int(try reader.read(Int32.self))
            let nameLength = Int(try reader.read(Int32.self))
            let type = Int(try reader.read(Int32.self))
            guard (1...4).contains(rank) else { throw WhisperError.invalidModel(path: path, reason: "tensor of rank \(rank)") }
            var ne: [Int] = []
            for _ in 0..<rank { ne.append(Int(try reader.read(Int32.self))) }
            let name = String(decoding: try reader.bytes(nameLength), as: UTF8.self)
            let count = ne.reduce(1, *)
            let values: [Float]
            switch type {
            case 0: values = ElementConversion.fromFloat32(try reader.bytes(4 * count))
            case 1: values = ElementConversion.fromFloat16(try reader.bytes(2 * count))
            case 8: values = try q8_0(try reader.bytes(count / 32 * 34), count: count, name: name, path: path)
            default: throw WhisperError.unsupportedTensorType(path: path, name: name, type: "ggml type \(type)")
            }
            var shape = Array(ne.reversed())
            if name.hasSuffix("conv1.bias") || name.hasSuffix("conv2.bias") { shape = [count] }  // stored as (n, 1)
            byName[name] = TensorData(shape: shape, values: values)
        }
        return (dims, tokenBytes, try ctranslate2Names(byName, dims: dims, path: path))
    }

    /// Q8_0 blocks: f16 scale d, then 32 int8 values; w = d · q.
    private static func q8_0(_ raw: UnsafeRawBufferPointer, count: Int, name: String, path: String) throws -> [Float] {
        guard count % 32 == 0 else { throw WhisperError.invalidModel(path: path, reason: "\(name): Q8_0 size \(count)") }
        return (0..<count).map { i in
            let block = i / 32 * 34
            let d = Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: block, as: UInt16.self))))
            return d * Float(Int8(bitPattern: raw[block + 2 + i % 32]))
        }
    }

    /// The one rename map (openai/whisper.cpp names → CTranslate2 names); Q/K/V and cross K/V are fused.
    private static func ctranslate2Names(_ source: [String: TensorData], dims: WhisperDimensions, path: String)
        throws -> [String: TensorData] {
        func take(_ name: String) throws -> TensorData {
            guard let tensor = source[name] else { throw WhisperError.missingTensor(path: path, name: name) }
            return tensor
        }
        /// Stacks (rows, d) weights and their biases; a missing bias (the key projection) is zeros.
        func fuse(_ prefix: String, _ parts: [String], into target: String, _ out: inout [String: TensorData]) throws {
            let weights = try parts.map { try take("\(prefix).\($0).weight") }
            let biases = parts.indices.map { i in
                source["\(prefix).\(parts[i]).bias"]?.values ?? [Float](repeating: 0, count: weights[i].shape[0])
            }
            let rows = weights.reduce(0) { $0 + $1.shape[0] }
            out[target + "/weight"] = TensorData(shape: [rows, weights[0].shape.last ?? 0], values: weights.flatMap(\.values))
            out[target + "/bias"] = TensorData(shape: [rows], values: biases.flatMap { $0 })
        }
        var out: [String: TensorData] = [:]
        func copy(_ from: String, _ to: String) throws { out[to] = try take(from) }
        func copyNorm(_ from: String, _ to: String) throws {
            try copy(from + ".weight", to + "/gamma"); try copy(from + ".bias", to + "/beta")
        }
        func copyLinear(_ from: String, _ to: String) throws {
            try copy(from + ".weight", to + "/weight"); try copy(from + ".bias", to + "/bias")
        }
        for conv in ["conv1", "conv2"] { try copyLinear("encoder.\(conv)", "encoder/\(conv)") }
        try copy("encoder.positional_embedding", "encoder/position_encodings/encodings")
        try copyNorm("encoder.ln_post", "encoder/layer_norm")
        try copy("decoder.token_embedding.weight", "decoder/embeddings/weight")
        try copy("decoder.positional_embedding", "decoder/position_encodings/encodings")
        try copyNorm("decoder.ln", "decoder/layer_norm")
        for (side, count) in [("encoder", dims.nAudioLayer), ("decoder", dims.nTextLayer)] {
            for layer in 0..<count {
                let from = "\(side).blocks.\(layer)", to = "\(side)/layer_\(layer)"
                try copyNorm(from + ".attn_ln", to + "/self_attention/layer_norm")
                try fuse(from + ".attn", ["query", "key", "value"], into: to + "/self_attention/linear_0", &out)
                try copyLinear(from + ".attn.out", to + "/self_attention/linear_1")
                try copyNorm(from + ".mlp_ln", to + "/ffn/layer_norm")
                try copyLinear(from + ".mlp.0", to + "/ffn/linear_0")
                try copyLinear(from + ".mlp.2", to + "/ffn/linear_1")
                guard side == "decoder" else { continue }
                try copyNorm(from + ".cross_attn_ln", to + "/attention/layer_norm")
                try copyLinear(from + ".cross_attn.query", to + "/attention/linear_0")
                try fuse(from + ".cross_attn", ["key", "value"], into: to + "/attention/linear_1", &out)
                try copyLinear(from + ".cross_attn.out", to + "/attention/linear_2")
            }
        }
        return out
    }
}
