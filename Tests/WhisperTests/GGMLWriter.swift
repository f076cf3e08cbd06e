import Foundation
@testable import Whisper

/// Writes a whisper.cpp ggml file (f16, as `models/convert-pt-to-ggml.py` does) from a CTranslate2 model:
/// the fused QKV and cross K/V tensors are split back into openai's names.
enum GGMLWriter {
    static func convert(ctranslate2 folder: String, tokenizer: Tokenizer, to path: URL) throws {
        let file = try CTranslate2Model(path: folder + "/model.bin")
        let dims = try WhisperDimensions(ctranslate2: file.tensors, scalars: file.scalars, path: folder)
        let d = dims.nState
        var out = Data()
        func int32(_ value: Int) { withUnsafeBytes(of: Int32(value).littleEndian) { out.append(contentsOf: $0) } }
        func float32s(_ values: some Collection<Float>) {
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        }
        withUnsafeBytes(of: GGMLModel.magic.littleEndian) { out.append(contentsOf: $0) }
        for value in [dims.nVocab, dims.nAudioCtx, d, dims.nHead, dims.nAudioLayer, dims.nTextCtx, d, dims.nHead,
                      dims.nTextLayer, dims.nMels, 1] { int32(value) }
        int32(dims.nMels); int32(LogMel.bins)
        float32s(LogMel.slaneyFilters(nMels: dims.nMels))
        let eot = tokenizer.special.endOfText
        int32(eot)
        for id in 0..<eot {
            let bytes = tokenizer.bytes([id])
            int32(bytes.count)
            out.append(contentsOf: bytes)
        }

        /// One tensor: `rows` selects outermost rows of the CTranslate2 source (for splitting fused tensors).
        func tensor(_ name: String, from source: String, rows: Range<Int>? = nil, shape explicit: [Int]? = nil) throws {
            guard let t = file.tensors[source] else { throw WhisperError.missingTensor(path: folder, name: source) }
            let rowLength = t.count / t.shape[0]
            let selected = rows ?? 0..<t.shape[0]
            let values = t.values[(selected.lowerBound * rowLength)..<(selected.upperBound * rowLength)]
            let shape = explicit ?? [selected.count] + t.shape.dropFirst()
            let keepF32 = shape.count == 1 || name.hasSuffix("conv1.bias") || name.hasSuffix("conv2.bias")
                || name.hasSuffix("positional_embedding")
            int32(shape.count); int32(name.utf8.count); int32(keepF32 ? 0 : 1)
            for n in shape.reversed() { int32(n) }
            out.append(contentsOf: Array(name.utf8))
            if keepF32 {
                float32s(values)
            } else {
                for v in values { withUnsafeBytes(of: Float16(v).bitPattern.littleEndian) { out.append(contentsOf: $0) } }
            }
        }
        func linear(_ name: String, from source: String, rows: Range<Int>? = nil, bias: Bool = true) throws {
            try tensor(name + ".weight", from: source + "/weight", rows: rows)
            if bias { try tensor(name + ".bias", from: source + "/bias", rows: rows) }
        }
        func norm(_ name: String, from source: String) throws {
            try tensor(name + ".weight", from: source + "/gamma")
            try tensor(name + ".bias", from: source + "/beta")
        }
        try tensor("encoder.positional_embedding", from: "encoder/position_encodings/encodings")
        for conv in ["conv1", "conv2"] {
            try tensor("encoder.\(conv).weight", from: "encoder/\(conv)/weight")
            try tensor("encoder.\(conv).bias", from: "encoder/\(conv)/bias", shape: [d, 1])
        }
        for (side, count) in [("encoder", dims.nAudioLayer), ("decoder", dims.nTextLayer)] {
            for layer in 0..<count {
                let to = "\(side).blocks.\(layer)", from = "\(side)/layer_\(layer)"
                try norm(to + ".attn_ln", from: from + "/self_attention/layer_norm")
                try linear(to + ".attn.query", from: from + "/self_attention/linear_0", rows: 0..<d)
                try linear(to + ".attn.key", from: from + "/self_attention/linear_0", rows: d..<2 * d, bias: false)
                try linear(to + ".attn.value", from: from + "/self_attention/linear_0", rows: 2 * d..<3 * d)
                try linear(to + ".attn.out", from: from + "/self_attention/linear_1")
                if side == "decoder" {
                    try norm(to + ".cross_attn_ln", from: from + "/attention/layer_norm")
                    try linear(to + ".cross_attn.query", from: from + "/attention/linear_0")
                    try linear(to + ".cross_attn.key", from: from + "/attention/linear_1", rows: 0..<d, bias: false)
                    try linear(to + ".cross_attn.value", from: from + "/attention/linear_1", rows: d..<2 * d)
                    try linear(to + ".cross_attn.out", from: from + "/attention/linear_2")
                }
                try norm(to + ".mlp_ln", from: from + "/ffn/layer_norm")
                try linear(to + ".mlp.0", from: from + "/ffn/linear_0")
                try linear(to + ".mlp.2", from: from + "/ffn/linear_1")
            }
        }
        try norm("encoder.ln_post", from: "encoder/layer_norm")
        try tensor("decoder.positional_embedding", from: "decoder/position_encodings/encodings")
        try tensor("decoder.token_embedding.weight", from: "decoder/embeddings/weight")
        try norm("decoder.ln", from: "decoder/layer_norm")
        try out.write(to: path)
    }
}
