/// A fully connected layer, PyTorch layout: `y = x · Wᵀ + b`.
struct Linear: Sendable {
    /// (outFeatures, inFeatures), row-major; empty when the layer is `compact`.
    var weight: [Float]
    /// The weight as int8 or binary16 rows in the decoder's per-token layers (``WhisperWeights/compact(for:)``).
    var compact: CompactRows? = nil
    /// (outFeatures), or nil for a layer without bias.
    var bias: [Float]?
    var outFeatures: Int
    var inFeatures: Int
}

/// LayerNorm parameters, ε = 1e-5.
struct LayerNormWeights: Sendable {
    var gamma: [Float]  // (d)
    var beta: [Float]   // (d)
}

/// One encoder block: pre-norm self-attention and MLP.
struct EncoderLayerWeights: Sendable {
    var attentionNorm: LayerNormWeights  // encoder.blocks.L.attn_ln
    var qkv: Linear                      // (3d, d): rows Q, K (zero bias), V — attn.{query,key,value}
    var attentionOut: Linear             // (d, d) attn.out
    var mlpNorm: LayerNormWeights        // mlp_ln
    var mlpUp: Linear                    // (4d, d) mlp.0
    var mlpDown: Linear                  // (d, 4d) mlp.2
}

/// One decoder block: causal self-attention, cross-attention on the encoder output, MLP.
struct DecoderLayerWeights: Sendable {
    var attentionNorm: LayerNormWeights  // decoder.blocks.L.attn_ln
    var qkv: Linear                      // (3d, d)
    var attentionOut: Linear             // (d, d)
    var crossNorm: LayerNormWeights      // cross_attn_ln
    var crossQuery: Linear               // (d, d) cross_attn.query
    var crossKeyValue: Linear            // (2d, d): rows K (zero bias), V — cross_attn.{key,value}
    var crossOut: Linear                 // (d, d) cross_attn.out
    var mlpNorm: LayerNormWeights
    var mlpUp: Linear
    var mlpDown: Linear
}

/// All weights of a Whisper model in Float32, loaded once and shared read-only by every run.
///
/// Names follow the CTranslate2 spec (whisper-notes.md §2); the ggml loader renames and fuses into the same layout.
struct WhisperWeights: Sendable {
    var dims: WhisperDimensions
    var conv1Weight: [Float]       // (d, nMels, 3) encoder/conv1/weight
    var conv1Bias: [Float]         // (d)
    var conv2Weight: [Float]       // (d, d, 3) stride 2
    var conv2Bias: [Float]         // (d)
    var encoderPositions: [Float]  // (nAudioCtx, d) sinusoids
    var encoderLayers: [EncoderLayerWeights]
    var encoderNorm: LayerNormWeights
    var tokenEmbedding: [Float]    // (nVocab, d), also the tied output projection; empty when that is binary16
    var outputProjection: CompactRows? // (nVocab, d) the tied projection compacted, else nil
    var decoderPositions: [Float]  // (nTextCtx, d) learned
    var decoderLayers: [DecoderLayerWeights]
    var decoderNorm: LayerNormWeights

    /// Builds the weights from CTranslate2-named tensors, checking every shape against the dimensions.
    /// - Throws: ``WhisperError/missingTensor(path:name:)`` or ``WhisperError/shapeMismatch(path:name:expected:found:)``.
    /// Takes each tensor out of `tensors` as it uses it, so that compacting (``compact(for:)``) frees the Float32
    /// values it replaces: a model's weights are then never held twice while it loads.
    init(taking tensors: inout [String: TensorData], dims: WhisperDimensions, path: String) throws {
        let d = dims.nState
        func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
            guard let t = tensors.removeValue(forKey: name) else { throw WhisperError.missingTensor(path: path, name: name) }
            guard t.shape == shape else {
                throw WhisperError.shapeMismatch(path: path, name: name, expected: shape, found: t.shape)
            }
            return t.values
        }
        func linear(_ prefix: String, out: Int, in inFeatures: Int, bias: Bool = true) throws -> Linear {
            Linear(weight: try tensor(prefix + "/weight", [out, inFeatures]),
                   bias: bias ? try tensor(prefix + "/bias", [out]) : nil, outFeatures: out, inFeatures: inFeatures)
        }
        func norm(_ prefix: String) throws -> LayerNormWeights {
            LayerNormWeights(gamma: try tensor(prefix + "/gamma", [d]), beta: try tensor(prefix + "/beta", [d]))
        }
        self.dims = dims
        conv1Weight = try tensor("encoder/conv1/weight", [d, dims.nMels, 3])
        conv1Bias = try tensor("encoder/conv1/bias", [d])
        conv2Weight = try tensor("encoder/conv2/weight", [d, d, 3])
        conv2Bias = try tensor("encoder/conv2/bias", [d])
        encoderPositions = try tensor("encoder/position_encodings/encodings", [dims.nAudioCtx, d])
        encoderLayers = try (0..<dims.nAudioLayer).map { i in
            let p = "encoder/layer_\(i)"
            return EncoderLayerWeights(
                attentionNorm: try norm(p + "/self_attention/layer_norm"),
                qkv: try linear(p + "/self_attention/linear_0", out: 3 * d, in: d),
                attentionOut: try linear(p + "/self_attention/linear_1", out: d, in: d),
                mlpNorm: try norm(p + "/ffn/layer_norm"),
                mlpUp: try linear(p + "/ffn/linear_0", out: dims.nMLP, in: d),
                mlpDown: try linear(p + "/ffn/linear_1", out: d, in: dims.nMLP))
        }
        encoderNorm = try norm("encoder/layer_norm")
        tokenEmbedding = try tensor("decoder/embeddings/weight", [dims.nVocab, d])
        decoderPositions = try tensor("decoder/position_encodings/encodings", [dims.nTextCtx, d])
        decoderLayers = try (0..<dims.nTextLayer).map { i in
            let p = "decoder/layer_\(i)"
            return DecoderLayerWeights(
                attentionNorm: try norm(p + "/self_attention/layer_norm"),
                qkv: try linear(p + "/self_attention/linear_0", out: 3 * d, in: d),
                attentionOut: try linear(p + "/self_attention/linear_1", out: d, in: d),
                crossNorm: try norm(p + "/attention/layer_norm"),
                crossQuery: try linear(p + "/attention/linear_0", out: d, in: d),
                crossKeyValue: try linear(p + "/attention/linear_1", out: 2 * d, in: d),
                crossOut: try linear(p + "/attention/linear_2", out: d, in: d),
                mlpNorm: try norm(p + "/ffn/layer_norm"),
                mlpUp: try linear(p + "/ffn/linear_0", out: dims.nMLP, in: d),
                mlpDown: try linear(p + "/ffn/linear_1", out: d, in: dims.nMLP))
        }
        decoderNorm = try norm("decoder/layer_norm")
        if let projection = tensors.removeValue(forKey: "decoder/projection/weight"), projection.values != tokenEmbedding {
            throw WhisperError.invalidModel(path: path, reason: "untied output projection is not supported")
        }
    }
}

extension WhisperDimensions {
    /// Derives the dimensions from CTranslate2 tensor shapes and the `num_heads` scalar.
    init(ctranslate2 tensors: [String: TensorData], scalars: [String: Int], path: String) throws {
        func shape(_ name: String, rank: Int) throws -> [Int] {
            guard let t = tensors[name] else { throw WhisperError.missingTensor(path: path, name: name) }
            guard t.shape.count == rank else {
                throw WhisperError.invalidModel(path: path, reason: "\(name) has rank \(t.shape.count), expected \(rank)")
            }
            return t.shape
        }
        let conv1 = try shape("encoder/conv1/weight", rank: 3)
        let audioPositions = try shape("encoder/position_encodings/encodings", rank: 2)
        let embedding = try shape("decoder/embeddings/weight", rank: 2)
        let textPositions = try shape("decoder/position_encodings/encodings", rank: 2)
        func layers(_ prefix: String) -> Int {
            var n = 0
            while tensors["\(prefix)/layer_\(n)/ffn/linear_0/weight"] != nil { n += 1 }
            return n
        }
        guard let heads = scalars["encoder/num_heads"], heads > 0, conv1[0] % heads == 0 else {
            throw WhisperError.invalidModel(path: path, reason: "encoder/num_heads missing or not a divisor of \(conv1[0])")
        }
        self.init(nMels: conv1[1], nAudioCtx: audioPositions[0], nState: conv1[0], nHead: heads,
                  nAudioLayer: layers("encoder"), nVocab: embedding[0], nTextCtx: textPositions[0],
                  nTextLayer: layers("decoder"))
        if let decoderHeads = scalars["decoder/num_heads"], decoderHeads != heads {
            throw WhisperError.invalidModel(path: path, reason: "decoder has \(decoderHeads) heads, encoder \(heads)")
        }
    }
}
