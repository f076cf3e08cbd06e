import AnchorCore
import Distill
import Foundation
import Gloss
import Lexicon
import MediaIO
import Motion
import Render
import Whisper

/// Settings of the whole job.
public struct AnchorOptions: Sendable {
    /// `csl` or `asl`; nil signs the speech in the sign language of its language (Chinese → CSL, English → ASL).
    public var signLanguage: String?
    /// The speech's language for recognition (`zh`, `en`); nil detects it on the first 30 s.
    public var speechLanguage: String?
    /// Initial prompt for speech recognition; nil uses the language's default (Simplified, punctuated Chinese).
    public var prompt: String?
    /// The lexicon root (holding `csl/`, `asl/`, `spoken/`).
    public var lexiconRoot: String
    /// The Whisper model folder or file.
    public var modelPath: String
    /// Beam width for speech recognition.
    public var beam = 5
    /// The speech model's decoder arithmetic.
    public var computeType = ComputeType.float32
    /// Distillation rate target and lag bound.
    public var distill: DistillOptions
    /// Animation frames per second.
    public var fps = 25.0
    /// How the video is made; `overlaySource` is set by the job when the input has video and overlay is on.
    public var video = AvatarVideoOptions()
    /// Composite the avatar onto the input's video when it has one.
    public var overlay = true
    /// The avatar's mouth shapes (`Rigs/visemes.txt`): the avatar mouths the signed words; nil: no mouthing.
    public var visemesPath: String?
    /// Mend misheard words in recognised Chinese (``HomophoneRepair``); transcripts and text given are kept as they are.
    public var repairHomophones = true

    /// Options with the default lexicon and model locations.
    public init(lexiconRoot: String, modelPath: String) throws {
        self.lexiconRoot = lexiconRoot
        self.modelPath = modelPath
        distill = try DistillOptions()
    }
}

/// Everything an `anchor` run produced besides the video.
public struct AnchorResult: Sendable {
    /// Timings, rates, lag and coverage.
    public var report: AnchorReport
    /// The glosses signed, timed on the source's clock.
    public var glosses: GlossSequence
    /// The animation rendered, for exports.
    public var track: AnimationTrack
}

/// Broadcast in, signing avatar out: transcript → distillation → glosses → animation → video, on the source's clock.
public struct AnchorJob: Sendable {
    /// The settings.
    public let options: AnchorOptions
    /// The avatar: skeleton for synthesis, geometry for rendering.
    public let geometry: AvatarGeometry
    /// The sign languages already loaded (on `geometry`'s rig) by code, or nil to load the one the job signs.
    public let kits: (@Sendable (String) throws -> SigningKit)?
    /// The speech model already loaded, or nil to load `options.modelPath` when the job needs it.
    public let model: WhisperModel?

    /// Prepares a job; a server passes the sign languages and speech model it loaded once.
    public init(options: AnchorOptions, geometry: AvatarGeometry, kits: (@Sendable (String) throws -> SigningKit)? = nil,
                model: WhisperModel? = nil) {
        self.options = options
        self.geometry = geometry
        self.kits = kits
        self.model = model
    }

    /// Runs the job on `input` (audio or video; nil when only a transcript is given) and writes `output`.
    /// - Parameters:
    ///   - transcript: a ready transcript (from subtitles or `--text`); nil runs speech recognition on `input`.
    ///   - transcriptSource: how the transcript was obtained, for the report.
    /// - Returns: the report, the glosses and the animation (for the caller to write beside the video).
    public func run(input: String?, transcript given: Transcript?, transcriptSource: String, output: String,
                    progress: ProgressHandler? = nil) async throws -> AnchorResult {
        var stages: [(String, Double)] = []
        func timed<T>(_ name: String, _ work: () async throws -> T) async rethrows -> T {
            let start = Date()
            defer { stages.append((name, Date().timeIntervalSince(start))) }
            return try await work()
        }

        let (recognised, languages) = try await timed("transcribe") {
            if let given { return (given, try options.languages(forText: given)) }
            return try transcribe(input, progress: progress)
        }
        // The dictionary and word tools are loaded once for distillation and glossing.
        let kit = try kits?(languages.signLanguage)
            ?? SigningKit(root: options.lexiconRoot, signLanguage: languages.signLanguage, rig: geometry.rig, visemes: options.visemesPath)
        let analyzer = try kit.analyzer(languages.spoken)
        let repair = given == nil && options.repairHomophones ? try kit.homophoneRepair(languages.spoken) : nil
        let transcript = repair.map { $0.repair(recognised) } ?? recognised
        let (translator, animation) = (kit.translator, kit.animation)
        // Distillation measures signing time with the real glosses and animation, so its lag bound is the avatar's.
        let estimator = AnimatedTimeEstimator(translator: translator, animation: animation)
        let script = await timed("distill") {
            await Distiller(analyzer: analyzer, estimator: estimator, options: options.distill).distill(transcript, progress: progress)
        }
        try Task.checkCancellation()
        let sequence = await timed("gloss") { translator.translate(segments: script.signingSegments) }
        let track = try await timed("animate") { try animation.animate(sequence, fps: options.fps, idle: transcript.duration) }
        var video = options.video
        if let input, options.overlay, (try? VideoReader(path: input)) != nil {
            video.overlaySource = input
        } else {
            video.audioSource = input
        }
        let videoDuration = try await timed("render") {
            try AvatarVideo.write(track, geometry: geometry, to: output, options: video, progress: progress)
        }

        let mediaDuration = max(transcript.duration, transcript.segments.map(\.end).max() ?? 0, 0.001)
        let stageReports = stages.map { AnchorReport.Stage(name: $0.0, seconds: $0.1, realTimeFactor: $0.1 / mediaDuration) }
        let totalSeconds = stages.map(\.1).reduce(0, +)
        let coverage = GlossCoverage(sequence)
        let report = AnchorReport(
            input: input, output: output, signLanguage: languages.signLanguage, speechLanguage: transcript.language,
            speechLanguageProbability: transcript.languageProbability, mediaDuration: mediaDuration,
            videoDuration: videoDuration, transcriptSource: transcriptSource, stages: stageReports,
            total: .init(name: "total", seconds: totalSeconds, realTimeFactor: totalSeconds / mediaDuration),
            unitsPerMinuteIn: script.report.sourceUnitsPerMinute, unitsPerMinuteOut: script.report.unitsPerMinute,
            rateUnit: script.report.unit, signsPerMinute: script.report.signsPerMinute,
            maxLag: script.report.maxLag, meanLag: script.report.meanLag,
            coverage: coverage.percentages, glossCount: sequence.glosses.filter { $0.kind != .pause }.count,
            passages: script.audit)
        return AnchorResult(report: report, glosses: sequence, track: track)
    }

    /// Speech recognition of `input`; the language (given or detected on the first window) chooses the sign
    /// language, and a language the job cannot sign stops recognition there.
    private func transcribe(_ input: String?, progress: ProgressHandler?) throws -> (Transcript, LanguagePair) {
        guard let input else { throw PipelineError.invalidJob("give an input to transcribe, a --transcript or --text") }
        let model = try self.model ?? WhisperModel(path: options.modelPath, computeType: options.computeType)
        let settings = try options.transcription(with: model)
        let reader = try AudioReader(path: input)
        var languages: LanguagePair?
        // A job stopped between windows (a server shutting down) ends here; Whisper also checks between decoding steps.
        let transcript = try Transcriber(model: model, options: settings)
            .transcribe(duration: reader.duration, progress: progress, language: { code, probability in
                languages = try LanguagePair.speech(code, probability: probability, requested: options.signLanguage,
                                                    input: input, model: model)
            }, next: {
                try Task.checkCancellation()
                return try reader.next()
            })
        try Task.checkCancellation()
        guard let languages else { throw PipelineError.invalidJob("\(input): no speech language was determined") }
        return (transcript, languages)
    }
}
