import AnchorCore
import ArgumentParser
import Distill
import Foundation
import Gloss
import Lexicon
import MediaIO
import Pipeline
import Render
import Whisper

/// `signanchor anchor INPUT -o OUT.mp4`: the whole job, broadcast in, signing avatar out.
struct AnchorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Sign a broadcast: speech → transcript → distilled text → glosses → animation → video.",
        discussion: """
        With a video input the avatar is composited onto it (--no-overlay for the avatar alone, with the input's \
        audio). The speech's language is detected on its first 30 s and chooses the sign language (Chinese → CSL, \
        English → ASL) unless --sign-language is given; speech in another language, or not in the given sign \
        language's spoken language, is refused before anything is written. --transcript or --text skip speech \
        recognition. A JSON report (per-stage time and real-time factor, rates, lag, lexicon coverage) is \
        written beside the video as OUTPUT-stem.report.json.

        --live reads INPUT as it arrives (a growing file, - for stdin, udp://, srt://, http(s) or HLS) and writes \
        the avatar as a stream while the broadcast goes on: -o to an MPEG-TS (.ts, - for stdout, or a URL) or \
        fragmented MP4, and/or --animation-stream for JSON Lines. Each signed utterance's end-to-end delay is \
        logged, and the report goes to --report.
        """
    )

    @Argument(help: "Broadcast audio or video: a file, a URL FFmpeg can open, or - for stdin (optional with --text).")
    var input: String?

    @Option(name: .shortAndLong, help: "Output video (.mp4, .mov or .webm); with --live also .ts, - (stdout) or a URL.")
    var output: String?

    @Flag(help: "Read INPUT live and write the avatar as a stream while it arrives.")
    var live = false

    @Option(help: "With --live: also write the animation as JSON Lines to this file, or - for stdout.")
    var animationStream: String?

    @Option(help: "With --live: the input ends after this many seconds without new data.")
    var inputTimeout = 10.0

    @Option(name: .customLong("max-backlog"),
            help: "With --live: skip an utterance still waiting for recognition this many seconds after its speech (keeps the avatar close to the broadcast on a busy machine; larger signs more, later).")
    var maxBacklog = 3.0

    @Option(help: "With --live: write the JSON report here (default: beside a file output, else none).")
    var report: String?

    @Option(help: "Sign language: csl or asl (default: from the speech's language, Chinese → csl, English → asl).")
    var signLanguage: String?

    @Option(help: "A transcript instead of speech recognition: .srt, .vtt, .ass or transcript JSON.")
    var transcript: String?

    @Option(help: "Text to sign instead of speech recognition (timed at a typical speech rate).")
    var text: String?

    @OptionGroup var speech: SpeechOptions

    @Option(help: "Signing rate target in chars/min (Chinese) or words/min (English).")
    var rate = 80.0

    @Option(help: "Most the avatar may lag behind the speech, seconds.")
    var maxLag = 4.0

    @Flag(help: "The avatar alone (with the input's audio) even when the input has video.")
    var noOverlay = false

    @Option(help: "Also write: bvh, jsonl, json, pose, glb (animation), srt (gloss subtitles); comma-separated.")
    var export: String?

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @OptionGroup var video: VideoOptions

    @OptionGroup var avatar: AvatarOptions

    @OptionGroup var mouthing: MouthingOptions

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        if let signLanguage, !["csl", "asl"].contains(signLanguage) { throw ValidationError("--sign-language must be csl or asl") }
        if live {
            guard input != nil else { throw ValidationError("--live needs an INPUT stream") }
            guard transcript == nil, text == nil, export == nil else {
                throw ValidationError("--live recognises speech as it arrives: --transcript, --text and --export do not apply")
            }
            guard output != nil || animationStream != nil else { throw ValidationError("--live needs -o, --animation-stream or both") }
            guard inputTimeout > 0 else { throw ValidationError("--input-timeout must be positive") }
            guard maxBacklog > 0, maxBacklog.isFinite else { throw ValidationError("--max-backlog must be positive") }
            return
        }
        guard output != nil else { throw ValidationError("give -o OUTPUT") }
        guard animationStream == nil, report == nil else { throw ValidationError("--animation-stream and --report go with --live") }
        guard input != nil || transcript != nil || text != nil else { throw ValidationError("give INPUT, --transcript or --text") }
        guard transcript == nil || text == nil else { throw ValidationError("give --transcript or --text, not both") }
    }

    func run() async throws {
        if live { return try await runLive() }
        guard let output else { return }
        let exports = try Self.exports(export)
        let stem = URL(fileURLWithPath: output).deletingPathExtension().path
        try OutputSafety.check(outputs: [output, Self.reportPath(beside: output)] + exports.map { "\(stem).\($0)" }
                                   + video.stillPaths(output: output),
                               inputs: [input, transcript])
        if let text, !text.contains(where: { !$0.isWhitespace }) { throw CLIError("--text: the text is empty") }
        // Text is in the language its script shows; the job checks it against --sign-language.
        let given: Transcript?
        let source: String
        if let transcript {
            let read = try TextInput.read(transcript)
            let language = DistillLanguage.detect(read.segments?.map(\.text).joined(separator: " ") ?? read.text)
            given = read.segments.map { Transcript(language: language.rawValue, duration: $0.map(\.end).max() ?? 0, segments: $0) }
                ?? Transcript.timed(text: read.text, language: language, unitsPerMinute: nil)
            source = transcript
        } else if let text {
            given = Transcript.timed(text: text, language: DistillLanguage.detect(text), unitsPerMinute: nil)
            source = "text"
        } else {
            given = nil
            source = "whisper"
        }
        var options = try anchorOptions(output: output)
        options.overlay = !noOverlay

        let progress = ProgressBar(quiet: quiet)
        let geometry = try avatar.load()
        // The job reads its input more than once, which a pipe cannot give: stdin goes to a temporary file first.
        let spool = input == "-" ? try StandardInputSpool() : nil
        var result = try await AnchorJob(options: options, geometry: geometry)
            .run(input: spool?.path ?? input, transcript: given, transcriptSource: source, output: output, progress: progress.handler)
        result.report.input = input
        progress.finish()

        try Console.emit(try JSON.encode(result.report), to: Self.reportPath(beside: output))
        for format in exports {
            let path = "\(stem).\(format)"
            if format == "srt" {
                try Console.emit(TimedText.srt(Self.glossCues(result)), to: path)
            } else {
                try AnimationOutput.write(result.track, rig: geometry.rig, to: path, body: geometry.glbBody(for: result.track))
            }
        }
        let report = result.report
        Console.note(String(format: "%@: %.1f s of video for %.1f s of speech; %d glosses; %.0f → %.0f %@/min; lag max %.1f s; "
                                + "total %.1f s (%.2f× real time)",
                            output, report.videoDuration, report.mediaDuration, report.glossCount, report.unitsPerMinuteIn,
                            report.unitsPerMinuteOut, report.rateUnit, report.maxLag, report.total.seconds,
                            report.total.realTimeFactor), quiet: quiet)
    }

    /// The job's settings from the options shared by file and live runs.
    func anchorOptions(output: String?) throws -> AnchorOptions {
        var options = try AnchorOptions(lexiconRoot: try lexicon ?? LexiconLoader.defaultRoot(), modelPath: speech.modelPath)
        options.signLanguage = signLanguage
        options.speechLanguage = speech.forcedLanguage
        options.prompt = speech.prompt
        options.beam = speech.beam
        options.computeType = speech.computeType
        options.repairHomophones = !speech.noHomophoneRepair
        options.distill = try DistillOptions(rate: .unitsPerMinute(rate), maxLag: maxLag)
        options.video = try video.options(output: output ?? "-")
        if let fps = options.video.frameRate { options.fps = fps.framesPerSecond }
        options.visemesPath = try mouthing.visemesPath()
        return options
    }

    /// Where the JSON report goes beside a video file: OUTPUT-stem.report.json.
    static func reportPath(beside output: String) -> String {
        URL(fileURLWithPath: output).deletingPathExtension().path + ".report.json"
    }

    /// One subtitle cue per signed sentence: its glosses, while they are signed.
    static func glossCues(_ result: AnchorResult) -> [TimedText] {
        result.glosses.sentences.compactMap { sentence in
            let labels = sentence.glosses.filter { $0.kind != .pause }.map(\.label)
            guard !labels.isEmpty, let start = sentence.start, let end = sentence.end else { return nil }
            return TimedText(start: start, end: end, text: labels.joined(separator: " "))
        }
    }

    private static func exports(_ list: String?) throws -> [String] {
        let formats = (list ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for format in formats where !(AnimationOutput.formats + ["srt"]).contains(format) {
            throw CLIError("--export: unknown format '\(format)' (bvh, jsonl, json, pose, glb, srt)")
        }
        return formats
    }
}
