/// How long a text takes to sign, and what the time is made of.
public struct SigningEstimate: Sendable, Codable, Equatable {
    /// Total signing time in seconds: signs, fingerspelling, transitions and pauses.
    public var seconds: Double
    /// Lexical signs (including number signs), not counting fingerspelled letters.
    public var signs: Int
    /// Fingerspelled units (letters, or pinyin units such as ZH).
    public var fingerspelledLetters: Int
    /// Pauses at punctuation.
    public var pauses: Int

    /// Creates an estimate.
    public init(seconds: Double = 0, signs: Int = 0, fingerspelledLetters: Int = 0, pauses: Int = 0) {
        self.seconds = seconds
        self.signs = signs
        self.fingerspelledLetters = fingerspelledLetters
        self.pauses = pauses
    }

    /// The estimate of two texts signed one after the other.
    public static func + (lhs: SigningEstimate, rhs: SigningEstimate) -> SigningEstimate {
        SigningEstimate(seconds: lhs.seconds + rhs.seconds, signs: lhs.signs + rhs.signs,
                        fingerspelledLetters: lhs.fingerspelledLetters + rhs.fingerspelledLetters,
                        pauses: lhs.pauses + rhs.pauses)
    }
}

/// Estimates how long a text takes to sign; the rate model's only view of signing.
///
/// Distill ships ``LexiconTimeEstimator``; the pipeline may inject one built on the Gloss stage.
public protocol SigningTimeEstimator: Sendable {
    /// The signing time of `text`, from the move into its first sign to the end of its last.
    /// - Throws: when the text cannot be analysed.
    func signingTime(of text: String) throws -> SigningEstimate
}
