/// The hyper-parameters of a Whisper checkpoint (whisper.cpp's `whisper_hparams`, openai's `ModelDimensions`).
public struct WhisperDimensions: Sendable, Equatable, Codable {
    /// Mel bins of the input: 80, or 128 for large-v3.
    public var nMels: Int
    /// Encoder positions per 30 s window: 1500.
    public var nAudioCtx: Int
    /// Model width (d_model).
    public var nState: Int
    /// Attention heads (encoder and decoder use the same number in every released model).
    public var nHead: Int
    /// Encoder blocks.
    public var nAudioLayer: Int
    /// Vocabulary size: 51864 English-only, 51865 multilingual, 51866 large-v3.
    public var nVocab: Int
    /// Decoder positions: 448.
    public var nTextCtx: Int
    /// Decoder blocks.
    public var nTextLayer: Int

    /// Width of one attention head.
    public var headDim: Int { nState / nHead }
    /// MLP hidden width (4 × d_model in every released model).
    public var nMLP: Int { 4 * nState }
    /// Multilingual models have language tokens; English-only ones do not use them.
    public var isMultilingual: Bool { nVocab >= 51865 }
}
