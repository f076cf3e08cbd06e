/// A distiller's answer for one passage: the condensed text and what it costs.
public struct Condensation: Sendable, Codable, Equatable {
    /// The condensed text; empty when nothing fitted.
    public var text: String
    /// Its signing time.
    public var estimate: SigningEstimate
    /// Its rate units (characters for Chinese, words for English).
    public var units: Int
    /// Which distiller produced it (`rules`, `glm`, or `rules (glm fallback: …)`).
    public var backend: String

    /// Creates a condensation.
    public init(text: String, estimate: SigningEstimate, units: Int, backend: String) {
        self.text = text
        self.estimate = estimate
        self.units = units
        self.backend = backend
    }
}

/// Condenses one passage of source text to fit a budget.
public protocol PassageDistiller: Sendable {
    /// The condensed passage; `context` is the passage's neighbourhood (the previous kept text) for repetition checks.
    func condense(_ text: String, budget: Budget, context: String) async -> Condensation
}
