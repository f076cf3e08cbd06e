import AnchorCore
import ArgumentParser
import Distill
import Foundation
import Lexicon
import MediaIO
import Whisper

/// `signanchor transcribe INPUT`: speech → timed transcript (text, srt, vtt, json) with the built-in Whisper engine.
struct TranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe the speech of a media file or stream to timed text."
    )

    /// `--format` values of this command.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, srt, vtt, json
    }

    @Argument(help: "A media file, a URL FFmpeg can open, or - for stdin.")
    var input: String

    @OptionGroup var speech: SpeechOptions

    @Option(help: "Output format: text, srt, vtt or json.")
    var format: Format = .text

    @Option(help: "The lexicon folder whose word list mends misheard Chinese (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders).")
    var lexicon: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func run() async throws {
        try OutputSafety.check(outputs: [output], inputs: [input])
        let whisper = try WhisperModel(path: speech.modelPath, computeType: speech.computeType)
        var options = TranscriptionOptions()
        options.language = speech.forcedLanguage
        options.beamSize = speech.beam
        options.initialPrompt = speech.prompt
        try options.validate()
        let reader = try AudioReader(path: input)
        let progress = ProgressBar(quiet: quiet)
        var transcript = try Transcriber(model: whisper, options: options)
            .transcribe(duration: reader.duration, progress: progress.handler, next: reader.next)
        progress.finish()
        if transcript.language == "zh", !speech.noHomophoneRepair {
            let root = try lexicon ?? LexiconLoader.defaultRoot()
            let repair = HomophoneRepair(analyzer: try TextAnalyzer.load(root: root, language: .chinese), pinyin: try Pinyin(root: root))
            transcript = repair.repair(transcript)
        }
        try Console.emit(try Self.render(transcript, as: format), to: output)
    }

    /// The transcript in the chosen format.
    static func render(_ transcript: Transcript, as format: Format) throws -> String {
        switch format {
        case .text: transcript.segments.map { $0.text + "\n" }.joined()
        case .srt: TimedText.srt(transcript.segments)
        case .vtt: TimedText.webVTT(transcript.segments)
        case .json: try JSON.encode(transcript)
        }
    }
}
