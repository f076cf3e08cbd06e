/// What is behind the avatar.
public enum Background: Sendable, Equatable {
    /// An opaque colour, 8-bit sRGB.
    case color(red: UInt8, green: UInt8, blue: UInt8)
    /// Fully transparent (alpha 0), for keying over a programme.
    case transparent

    /// A calm blue-grey that keeps skin and hands in contrast.
    public static let studio = Background.color(red: 46, green: 64, blue: 86)
}
