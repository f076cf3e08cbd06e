import AnchorCore
import ArgumentParser
import Foundation
import Gloss
import Lexicon

/// `signanchor gloss INPUT | --text "…"`: text or a timed transcript → timed gloss sequence.
struct GlossCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "Translate text or a transcript into a timed gloss sequence (docs/gloss-format.md)."
    )

    @Argument(help: "A transcript JSON, subtitles (.srt/.vtt/.ass), a plain-text file, or - for stdin.")
    var input: String?

    @Option(help: "Translate this text instead of reading INPUT.")
    var text: String?

    @Option(name: .customLong("sign-language"), help: "The sign language: a folder under the lexicon (csl, asl, …).")
    var signLanguage: String = "csl"

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @Option(help: "Output format: text (glosses, sentences separated by ' | ') or json.")
    var format: OutputFormat = .text

    @Flag(help: "Also report how each source word was signed: lexicon, fingerspelled, number, dropped, unmatched.")
    var coverage = false

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    func validate() throws {
        if (input == nil) == (text == nil) { throw ValidationError("give either INPUT or --text, not both or neither") }
    }

    func run() async throws {
        try OutputSafety.check(outputs: [output], inputs: [input])
        let source = try text.map { TextInput(text: $0) } ?? TextInput.read(input ?? "-")
        guard source.text.contains(where: { !$0.isWhitespace }) else {
            throw GlossError.emptyInput(source: input ?? "--text")
        }
        let translator = try GlossTranslator.load(root: try lexicon ?? LexiconLoader.defaultRoot(), signLanguage: signLanguage)
        let sequence = source.segments.map { translator.translate(segments: $0) } ?? translator.translate(text: source.text)
        switch format {
        case .json:
            try Console.emit(coverage ? try JSON.encode(CoveredGlossSequence(sequence)) : try JSON.encode(sequence), to: output)
        case .text:
            try Console.emit(sequence.text + "\n" + (coverage ? GlossCoverage(sequence).text : ""), to: output)
        }
    }
}
