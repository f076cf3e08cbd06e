import Foundation

/// A video frame rate as an exact fraction, so 29.97 fps (30000/1001) stays exact over hours.
public struct FrameRate: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Frames…
    public let numerator: Int
    /// …per this many seconds.
    public let denominator: Int

    /// Creates a rate of `numerator / denominator` frames per second.
    /// - Throws: ``MediaIOError/invalidArgument(_:)`` unless both are positive and the rate is at most 240 fps.
    public init(_ numerator: Int, _ denominator: Int = 1) throws {
        guard numerator > 0, denominator > 0, numerator <= 240 * denominator else {
            throw MediaIOError.invalidArgument("frame rate \(numerator)/\(denominator) is out of range (0, 240] fps")
        }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Parses "25", "29.97" (as 30000/1001) or "30000/1001".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        if parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]) {
            try self.init(n, d)
        } else if let whole = Int(text) {
            try self.init(whole)
        } else if let value = Double(text), value.isFinite, value > 0 {
            // NTSC rates are written 23.976, 29.97, 59.94 but mean n*1000/1001.
            let ntsc = (value * 1.001).rounded()
            if abs(ntsc / 1.001 - value) < 0.005 && ntsc != value.rounded() {
                try self.init(Int(ntsc) * 1000, 1001)
            } else {
                try self.init(Int((value * 1000).rounded()), 1000)
            }
        } else {
            throw MediaIOError.invalidArgument("frame rate '\(text)' is not a number such as 25, 29.97 or 30000/1001")
        }
    }

    /// Frames per second as a floating-point number.
    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

    /// Seconds from the start to the start of frame `index`.
    public func time(ofFrame index: Int) -> Double { Double(index) * Double(denominator) / Double(numerator) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
