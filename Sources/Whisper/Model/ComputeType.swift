/// The arithmetic the decoder's matrix products use.
public enum ComputeType: String, Sendable, CaseIterable {
    /// Float32 weights everywhere (the reference).
    case float32
    /// The decoder's linear layers and output projection with int8 weights, one Float32 scale per output row,
    /// quantised at load as CTranslate2 stores int8 models; activations and the encoder stay Float32.
    /// Decoding reads a quarter of the weight bytes per token, which is what bounds its speed.
    case int8
}
