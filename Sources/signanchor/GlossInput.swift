import AnchorCore
import Foundation
import Gloss
import MediaIO

/// What `signanchor gloss` reads: a transcript JSON (`{"language", "duration", "segments"}`), a bare JSON
/// array of timed segments, subtitles (`.srt`, `.vtt`, `.ass`, read by MediaIO), or plain text.
enum GlossInput {
    /// Timed segments, or nil for plain text (returned as `text`).
    struct Content {
        var segments: [TimedText]?
        var text: String
    }

    /// Reads `path` (`-` for stdin), choosing the format by extension and content.
    static func read(_ path: String) throws -> Content {
        let lower = path.lowercased()
        if [".srt", ".vtt", ".ass", ".ssa"].contains(where: lower.hasSuffix) {
            let cues = try SubtitleReader.read(path: path)
            return Content(segments: cues, text: cues.map(\.text).joined(separator: "\n"))
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw GlossError.invalidInput(path: path, reason: "no such file or not readable")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GlossError.invalidInput(path: path, reason: "not valid UTF-8 text")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") else { return Content(segments: nil, text: text) }
        let decoder = JSONDecoder()
        if let transcript = try? decoder.decode(Transcript.self, from: data) {
            return Content(segments: transcript.segments, text: text)
        }
        do {
            return Content(segments: try decoder.decode([TimedText].self, from: data), text: text)
        } catch {
            throw GlossError.invalidInput(path: path, reason: "JSON is neither a transcript nor a list of timed segments")
        }
    }
}
