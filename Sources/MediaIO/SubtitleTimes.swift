import AnchorCore
import Foundation

/// Checks the cue times of a sidecar subtitle file (`.srt`, `.vtt`, `.ass`, `.ssa`) as written, before FFmpeg reads
/// it: FFmpeg reads `-00:00:05,000` as +5 s and turns a cue that ends before it starts into one 2³² ms long.
enum SubtitleTimes {
    /// - Throws: ``MediaIOError/invalidTime(path:reason:)`` for the first cue with a negative time, an end before its
    ///   start, or a time past ``TimedText/latestTime``.
    static func check(path: String) throws {
        let lower = path.lowercased()
        let isASS = lower.hasSuffix(".ass") || lower.hasSuffix(".ssa")
        guard isASS || lower.hasSuffix(".srt") || lower.hasSuffix(".vtt"),
              let data = FileManager.default.contents(atPath: path) else { return }
        let text = String(decoding: data, as: UTF8.self)
        var cue = 0
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let times: (Substring, Substring)
            if isASS {
                guard line.hasPrefix("Dialogue:") else { continue }
                let fields = line.dropFirst("Dialogue:".count).split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
                guard fields.count >= 3 else { continue }
                times = (fields[1], fields[2])
            } else {
                guard let arrow = line.range(of: "-->") else { continue }
                let end = line[arrow.upperBound...].split(separator: " ", omittingEmptySubsequences: true).first ?? ""
                times = (line[..<arrow.lowerBound], end)
            }
            cue += 1
            guard let start = seconds(times.0), let end = seconds(times.1) else { continue }
            do {
                try TimedText.checkTime(start, "cue \(cue) start", source: path)
                try TimedText.checkTime(end, "cue \(cue) end", source: path)
            } catch let AnchorCoreError.invalidTime(_, reason) {
                throw MediaIOError.invalidTime(path: path, reason: reason)
            }
            guard end >= start else {
                throw MediaIOError.invalidTime(path: path, reason: "cue \(cue) ends (\(times.1.trimmingCharacters(in: .whitespaces))) "
                                                 + "before it starts (\(times.0.trimmingCharacters(in: .whitespaces)))")
            }
        }
    }

    /// Seconds of `HH:MM:SS,mmm`, `MM:SS.mmm` (WebVTT) or `H:MM:SS.cc` (ASS), with a leading minus kept; nil when
    /// the text is not a time (FFmpeg then skips the cue).
    static func seconds(_ text: Substring) -> Double? {
        var clock = text.trimmingCharacters(in: .whitespaces)
        let negative = clock.hasPrefix("-")
        if negative { clock.removeFirst() }
        let parts = clock.replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        let values = parts.map { Double($0) }
        guard values.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        let total = values.reduce(0.0) { $0 * 60 + $1! }
        return negative ? -total : total
    }
}
