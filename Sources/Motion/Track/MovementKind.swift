/// The movement that dominates a sign's timing, as a gloss span reports it (for duration checks and reports).
public enum MovementKind: String, Sendable, Codable, CaseIterable {
    /// A posture held without movement.
    case none
    /// A straight or curved movement, or a change of posture.
    case directed
    /// A circle.
    case circular
    /// A wrist movement or finger play.
    case wrist
    /// A repeated movement.
    case repeated
    /// A compound: parts signed one after the other.
    case compound
    /// A fingerspelled letter.
    case fingerspelling
}
