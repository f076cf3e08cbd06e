import AnchorCore
import Distill
import Foundation

/// What `signanchor distill` reads (``TextInput``) as a transcript: plain text is timed at the language's typical
/// speech rate or `--speech-rate`.
enum DistillInput {
    /// Reads `path` (`-` for stdin) into a transcript; `language` overrides the transcript's or the detected one.
    static func read(_ path: String, language: DistillLanguage?, speechRate: Double?) throws -> (Transcript, DistillLanguage) {
        let input = try TextInput.read(path)
        guard input.text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw DistillError.invalidInput(source: path, reason: "no text to distil")
        }
        guard let segments = input.segments else {
            let chosen = language ?? DistillLanguage.detect(input.text)
            return (Transcript.timed(text: input.text, language: chosen, unitsPerMinute: speechRate), chosen)
        }
        let chosen = language ?? input.language.flatMap(DistillLanguage.init(tag:))
            ?? DistillLanguage.detect(segments.map(\.text).joined())
        return (Transcript(language: chosen.rawValue, duration: segments.map(\.end).max() ?? 0, segments: segments), chosen)
    }
}
