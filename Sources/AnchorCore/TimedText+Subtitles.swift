import Foundation

extension TimedText {
    /// Formats cues as SubRip (`.srt`): numbered cues, `HH:MM:SS,mmm` times, a blank line after each.
    public static func srt(_ cues: [TimedText]) -> String {
        var out = ""
        for (index, cue) in cues.enumerated() {
            out += "\(index + 1)\n\(clock(cue.start, separator: ",")) --> \(clock(cue.end, separator: ","))\n"
            out += "\(cue.text)\n\n"
        }
        return out
    }

    /// Formats cues as WebVTT (`.vtt`): a `WEBVTT` header, `HH:MM:SS.mmm` times.
    public static func webVTT(_ cues: [TimedText]) -> String {
        var out = "WEBVTT\n\n"
        for cue in cues {
            out += "\(clock(cue.start, separator: ".")) --> \(clock(cue.end, separator: "."))\n\(cue.text)\n\n"
        }
        return out
    }

    /// `HH:MM:SS<sep>mmm` for a time in seconds, rounded to the millisecond.
    private static func clock(_ seconds: Double, separator: String) -> String {
        let totalMs = Int((max(0, seconds) * 1000).rounded())
        let ms = totalMs % 1000, s = totalMs / 1000 % 60, m = totalMs / 60_000 % 60, h = totalMs / 3_600_000
        return String(format: "%02d:%02d:%02d%@%03d", h, m, s, separator, ms)
    }
}
