import Foundation

/// Checks of times read from users' files and requests (subtitles, transcripts, animations).
extension TimedText {
    /// The latest time an input may mention, seconds: 48 hours, longer than any broadcast SignAnchor signs in one run.
    public static let latestTime = 48.0 * 3600

    /// Checks one time in seconds: finite, not negative, at most ``latestTime``.
    /// - Parameter what: what the time is, for the message ("segment 3 start").
    /// - Throws: ``AnchorCoreError/invalidTime(source:reason:)``.
    public static func checkTime(_ seconds: Double, _ what: String, source: String) throws {
        guard seconds.isFinite else { throw AnchorCoreError.invalidTime(source: source, reason: "\(what) is not a finite number") }
        guard seconds >= 0 else {
            throw AnchorCoreError.invalidTime(source: source, reason: "\(what) is negative (\(describe(seconds)) s)")
        }
        guard seconds <= latestTime else {
            throw AnchorCoreError.invalidTime(source: source, reason: "\(what) is \(describe(seconds)) s, beyond the 48-hour limit")
        }
    }

    /// Checks every segment: both times valid and the end not before the start.
    /// - Parameters:
    ///   - kind: the word for one segment in messages ("segment", "cue").
    ///   - source: the file or request the segments came from.
    /// - Throws: ``AnchorCoreError/invalidTime(source:reason:)`` naming the first bad segment (1-based).
    public static func check(_ segments: [TimedText], kind: String = "segment", source: String) throws {
        for (index, segment) in segments.enumerated() {
            try checkTime(segment.start, "\(kind) \(index + 1) start", source: source)
            try checkTime(segment.end, "\(kind) \(index + 1) end", source: source)
            guard segment.end >= segment.start else {
                throw AnchorCoreError.invalidTime(source: source, reason: "\(kind) \(index + 1) ends (\(describe(segment.end)) s) "
                                                    + "before it starts (\(describe(segment.start)) s)")
            }
        }
    }

    /// A time short enough for one line: 3 decimals, or scientific notation for absurd magnitudes.
    private static func describe(_ seconds: Double) -> String {
        abs(seconds) < 1e7 ? String(format: "%.3f", seconds) : String(format: "%.3g", seconds)
    }
}

extension Transcript {
    /// Checks the duration and every segment's times (see ``TimedText/check(_:kind:source:)``).
    /// - Throws: ``AnchorCoreError/invalidTime(source:reason:)``.
    public func check(source: String) throws {
        try TimedText.checkTime(duration, "duration", source: source)
        try TimedText.check(segments, source: source)
    }
}
