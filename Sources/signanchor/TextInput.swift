import AnchorCore
import Foundation
import MediaIO

/// What the text stages (`gloss`, `distill`) read: a transcript JSON (`{"language", "duration", "segments"}`),
/// a bare JSON array of timed segments, subtitles (`.srt`, `.vtt`, `.ass`, read by MediaIO), or plain text.
struct TextInput {
    /// The whole text as read (for plain text, what the stage works on).
    var text: String
    /// Timed segments, nil for plain text.
    var segments: [TimedText]?
    /// The transcript's language tag, when the input declares one.
    var language: String?

    /// Plain text given on the command line.
    init(text: String) {
        self.text = text
    }

    private init(text: String, segments: [TimedText], language: String?) {
        self.text = text
        self.segments = segments
        self.language = language
    }

    /// Reads `path` (`-` for stdin), choosing the format by extension and content.
    /// - Throws: ``CLIError`` naming the file when it is missing, not UTF-8, or JSON of another shape;
    ///   ``AnchorCoreError/invalidTime(source:reason:)`` or ``MediaIOError/invalidTime(path:reason:)`` for times that are
    ///   negative, reversed, not finite or past 48 hours.
    static func read(_ path: String) throws -> TextInput {
        if [".srt", ".vtt", ".ass", ".ssa"].contains(where: path.lowercased().hasSuffix) {
            let cues = try SubtitleReader.read(path: path)
            return TextInput(text: cues.map(\.text).joined(separator: "\n"), segments: cues, language: nil)
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError("\(path): no such file or not readable")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(path): not valid UTF-8 text") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") else { return TextInput(text: text) }
        let decoder = JSONDecoder()
        if let transcript = try? decoder.decode(Transcript.self, from: data) {
            try transcript.check(source: path)
            return TextInput(text: text, segments: transcript.segments, language: transcript.language.isEmpty ? nil : transcript.language)
        }
        guard let segments = try? decoder.decode([TimedText].self, from: data) else {
            throw CLIError("\(path): JSON is neither a transcript nor a list of timed segments")
        }
        try TimedText.check(segments, source: path)
        return TextInput(text: text, segments: segments, language: nil)
    }
}
