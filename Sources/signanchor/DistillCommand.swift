import AnchorCore
import ArgumentParser
import Distill
import Foundation
import Lexicon
import Motion
import Pipeline

/// `signanchor distill INPUT`: transcript, subtitles or text → rate-fitted, timed condensed text.
struct DistillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distill",
        abstract: "Condense a transcript so the avatar's signing keeps up with the speech (docs/distill.md)."
    )

    /// The distiller backends.
    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case rules, glm
    }

    /// How signing time is measured.
    enum SigningTime: String, ExpressibleByArgument, CaseIterable {
        /// The glosses animated on the avatar's rig, as `anchor` measures: what the avatar really takes.
        case animated
        /// The lexicon's citation durations, without glossing or animating (faster, less exact).
        case estimated
    }

    @Argument(help: "A transcript JSON, subtitles (.srt/.vtt/.ass), a plain-text file, or - for stdin.")
    var input: String

    @Option(help: "rules (embedded, no network) or glm (an OpenAI-compatible chat API; falls back to rules).")
    var backend: Backend = .rules

    @Option(help: "Target rate per minute of speech: chars (Chinese) or words (English); see --signs.")
    var rate: Double = 80

    @Flag(help: "Read --rate as signs per minute.")
    var signs = false

    @Option(name: .customLong("max-lag"), help: "Most the signing may end after the speech at a segment boundary, s.")
    var maxLag: Double = 4

    @Option(help: "Spoken language: zh or en (default: the transcript's, else detected).")
    var language: String?

    @Option(name: .customLong("speech-rate"), help: "For plain text: the speech rate to time it at, chars or words per minute.")
    var speechRate: Double?

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @Option(name: .customLong("signing-time"),
            help: "animated (the glosses animated on the avatar's rig, as anchor measures) or estimated (lexicon durations).")
    var signingTime: SigningTime = .animated

    @Option(help: "Rig for --signing-time animated (default: $SIGNANCHOR_RIG, else .models/avatar/human.rig in the data folders).")
    var rig: String?

    @Option(name: .customLong("glm-url"), help: "Chat API base URL, or 'zhipu' (default: $SIGNANCHOR_GLM_URL).")
    var glmURL: String?

    @Option(name: .customLong("glm-model"), help: "Model name (default: $SIGNANCHOR_GLM_MODEL, else glm-4-flash).")
    var glmModel: String?

    @Option(name: .customLong("glm-key"), help: "API key (default: $SIGNANCHOR_GLM_KEY).")
    var glmKey: String?

    @Option(name: .customLong("glm-timeout"), help: "Seconds one chat request may take.")
    var glmTimeout: Double = 20

    @Option(help: "Output format: text (timed passages and a report) or json.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Flag(help: "Print how the rules read each passage (roles, tiers, word classes, costs) instead of distilling.")
    var explain = false

    func run() async throws {
        try OutputSafety.check(outputs: [output], inputs: [input])
        if let speechRate, !(speechRate > 0 && speechRate.isFinite) {
            throw CLIError("--speech-rate must be above 0, not \(speechRate)")
        }
        let chosen = try language.map { tag in
            guard let language = DistillLanguage(tag: tag) else { throw CLIError("--language: '\(tag)' is not zh or en") }
            return language
        }
        let options = try DistillOptions(rate: signs ? .signsPerMinute(rate) : .unitsPerMinute(rate), maxLag: maxLag)
        let read = try TextInput.read(input)
        let (transcript, spoken) = try DistillInput(text: read.text, segments: read.segments, declaredLanguage: read.language)
            .transcript(language: chosen, speechRate: speechRate, source: input)
        let root = try lexicon ?? LexiconLoader.defaultRoot()
        let analyzer: TextAnalyzer
        let estimator: any SigningTimeEstimator
        switch signingTime {
        case .animated:
            let kit = try SigningKit(root: root, signLanguage: spoken.defaultSignLanguage, rig: try Rig.load(path: try rig ?? DataSet.rig.path()))
            analyzer = try kit.analyzer(spoken)
            estimator = AnimatedTimeEstimator(translator: kit.translator, animation: kit.animation)
        case .estimated:
            analyzer = try TextAnalyzer.load(root: root, language: spoken)
            estimator = LexiconTimeEstimator(analyzer: analyzer)
        }
        if explain {
            let rules = RulesDistiller(analyzer: analyzer, estimator: estimator)
            let lines = transcript.segments.map { "== \($0.text)\n" + rules.explain($0.text) }
            try Console.emit(lines.joined(separator: "\n") + "\n", to: output)
            return
        }
        var glm: GLMDistiller?
        if backend == .glm {
            guard var endpoint = ChatEndpoint.configured(url: glmURL, model: glmModel, apiKey: glmKey) else {
                throw CLIError("--backend glm needs --glm-url or SIGNANCHOR_GLM_URL (no text is sent anywhere otherwise)")
            }
            endpoint.timeout = glmTimeout
            glm = GLMDistiller(endpoint: endpoint, analyzer: analyzer, estimator: estimator)
        }
        let progress = ProgressBar(quiet: quiet)
        let script = await Distiller(analyzer: analyzer, estimator: estimator, backend: glm, options: options)
            .distill(transcript) { progress.report($0) }
        progress.finish()
        switch format {
        case .json: try Console.emit(try JSON.encode(script), to: output)
        case .text: try Console.emit(Self.text(script), to: output)
        }
    }

    /// Per passage: the signed text on the signing clock (`[start–end] text`), the source it came from, and the
    /// content words and numbers dropped; then the report.
    static func text(_ script: DistilledScript) -> String {
        let lines = script.passages.map { passage in
            var lines = [String(format: "[%7.2f–%7.2f] ", passage.signing.start, passage.signing.end)
                + (passage.text.isEmpty ? "(skipped)" : passage.text)]
            lines.append("    source:  " + passage.source.text)
            if !passage.dropped.numbers.isEmpty { lines.append("    dropped numbers: " + passage.dropped.numbers.joined(separator: " ")) }
            if !passage.dropped.words.isEmpty { lines.append("    dropped: " + passage.dropped.words.joined(separator: " ")) }
            return lines.joined(separator: "\n")
        }
        return lines.joined(separator: "\n") + "\n\n" + script.report.text
    }
}
