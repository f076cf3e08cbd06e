import AnchorCore
import Distill
import Foundation
import Gloss
import MediaIO
import Motion
import Render
import Whisper

/// Settings of a live run.
public struct LiveOptions: Sendable {
    /// Sign language, lexicon, model, beam, distillation, frame rate and picture settings, as for a file.
    public var anchor: AnchorOptions
    /// Where the avatar video goes: a file (.ts, or .mp4 written fragmented), "-" for MPEG-TS on stdout,
    /// or a network URL (udp://, srt://, tcp://); nil for none.
    public var video: String?
    /// Where the JSON Lines animation stream goes: a file or "-" for stdout; nil for none.
    public var animation: String?
    /// The input ends when no new data arrives for this long, seconds (a growing file is followed until then).
    public var inputTimeout = 10.0
    /// How speech is cut into utterances.
    public var segmenter = UtteranceSegmenter()
    /// How far (seconds) the output may run ahead of the oldest speech not yet signed. Small values keep the
    /// signing close to its speech on the stream's clock; the output then waits for recognition.
    public var slack = 1.0
    /// An utterance still waiting for recognition this many seconds after its speech ended is skipped: the
    /// avatar drops speech rather than fall ever further behind a broadcast it cannot keep up with.
    public var maxBacklog = 3.0

    /// Live settings around the file job's settings.
    public init(anchor: AnchorOptions) {
        self.anchor = anchor
    }
}

/// A live broadcast in, a signing avatar stream out: the input is read as it arrives, cut into utterances,
/// and each is recognised, distilled, glossed and animated while the avatar stream keeps flowing (idle between
/// signing), with the end-to-end delay of every utterance measured.
///
/// Three threads: the reader (blocking input I/O and utterance cutting), the planner (recognition to animation),
/// and the writer (rendering, encoding and the JSON Lines stream), which paces itself by the input: it never
/// runs ahead of the audio read, nor more than `slack` seconds past the oldest speech not yet signed.
public struct LiveAnchor: Sendable {
    /// The settings.
    public let options: LiveOptions
    /// The avatar.
    public let geometry: AvatarGeometry
    /// The sign languages already loaded (on `geometry`'s rig) by code, or nil to load the one needed.
    public let kits: (@Sendable (String) throws -> SigningKit)?
    /// The speech model already loaded, or nil to load `options.anchor.modelPath`.
    public let model: WhisperModel?

    /// Prepares a live run; a server passes the sign languages and speech model it loaded once.
    public init(options: LiveOptions, geometry: AvatarGeometry, kits: (@Sendable (String) throws -> SigningKit)? = nil,
                model: WhisperModel? = nil) {
        self.options = options
        self.geometry = geometry
        self.kits = kits
        self.model = model
    }

    /// Runs until the input ends (or stalls past the timeout) or the task is cancelled; returns the report.
    /// Cancelling ends the run early but cleanly: the read is interrupted, the outputs are finished at the next
    /// frame, and the report covers what was signed until then.
    /// - Parameters:
    ///   - log: receives one line per signed utterance (times, text, glosses, delay).
    ///   - animationLines: receives every JSON Lines line of the animation stream (header, `signs`, `frame`),
    ///     as written to `options.animation`; for callers that forward the stream (the HTTP service).
    /// - Throws: errors of opening the input or outputs at once, before anything is written; later errors of
    ///   reading, recognition or writing end the run.
    public func run(input: String, log: (@Sendable (String) -> Void)? = nil,
                    animationLines: (@Sendable (String) -> Void)? = nil) async throws -> LiveReport {
        guard options.video != nil || options.animation != nil || animationLines != nil else {
            throw PipelineError.invalidJob("a live run needs a video output, an animation stream, or both")
        }
        if options.video == "-" && options.animation == "-" {
            throw PipelineError.invalidJob("the video and the animation stream cannot both go to stdout")
        }
        let anchor = options.anchor
        let model = try self.model ?? WhisperModel(path: anchor.modelPath, computeType: anchor.computeType)
        let transcription = try anchor.transcription(with: model)
        let kits = self.kits ?? { [root = anchor.lexiconRoot, rig = geometry.rig, visemes = anchor.visemesPath] code in
            try SigningKit(root: root, signLanguage: code, rig: rig, visemes: visemes)
        }
        // Each utterance's track starts and ends at rest without the idle breathing a lone phrase gets: the
        // writer's idle loop fills the time between utterances, so signing starts as soon as it is placed.
        var timing = Timing()
        timing.idle = 0
        let stages: @Sendable (LanguagePair) throws -> LiveSigner.Stages = { [anchor, timing] languages in
            let kit = try kits(languages.signLanguage)
            let animation = kit.animation.with(Animator(avatar: kit.animation.animator.avatar, timing: timing))
            let distiller = Distiller(analyzer: try kit.analyzer(languages.spoken),
                                      estimator: AnimatedTimeEstimator(translator: kit.translator, animation: animation),
                                      options: anchor.distill)
            let repair = anchor.repairHomophones ? try kit.homophoneRepair(languages.spoken) : nil
            return LiveSigner.Stages(languages: languages, distiller: distiller, translator: kit.translator, animation: animation,
                                     repair: repair)
        }
        // Known now when the sign or speech language is given; otherwise the first utterance's language decides.
        let signer = LiveSigner(model: model, transcription: transcription, stages: try anchor.givenLanguages(model: model).map(stages),
                                setUp: stages, fps: anchor.fps)
        let idle = try GlossAnimation.rest(Animator(avatar: try Avatar(rig: geometry.rig), timing: timing), fps: anchor.fps,
                                           seconds: Self.idleLoop)

        try LiveWriter.checkDestination(options.video)
        try LiveWriter.checkDestination(options.animation)
        // The input first: a wrong URL or file fails before any output exists.
        let reader = try AudioReader(path: input, chunkSeconds: 0.2, liveTimeout: options.inputTimeout)
        let writer = try LiveWriter(options: options, geometry: geometry, idle: idle, animationSink: animationLines)
        let shared = LiveState()
        let started = ProcessInfo.processInfo.systemUptime
        let interruption = reader.interruption
        let owned = Handover((reader, signer, writer))

        return try await withTaskCancellationHandler {
            try await run(input: input, owned: owned, shared: shared, started: started, log: log)
        } onCancel: {
            shared.endEarly()
            interruption.interrupt()
        }
    }

    /// Starts the three threads and waits for the writer to finish.
    private func run(input: String, owned: Handover<(AudioReader, LiveSigner, LiveWriter)>, shared: LiveState,
                     started: Double, log: (@Sendable (String) -> Void)?) async throws -> LiveReport {
        try await withCheckedThrowingContinuation { continuation in
            Self.thread("signanchor.live.reader") {
                Self.readLoop(owned.value.0, segmenter: options.segmenter, shared: shared)
            }
            Self.thread("signanchor.live.planner") { Self.planLoop(owned.value.1, maxBacklog: options.maxBacklog, shared: shared) }
            Self.thread("signanchor.live.writer") {
                continuation.resume(with: Result {
                    let entries = try owned.value.2.writeLoop(shared: shared, slack: options.slack, log: log)
                    shared.stop()
                    return LiveReport(input: input, video: options.video, animation: options.animation,
                                      inputSeconds: shared.snapshot.received, outputSeconds: owned.value.2.seconds,
                                      utterances: shared.snapshot.utterances, skippedUtterances: shared.snapshot.skipped, entries: entries,
                                      wallSeconds: ProcessInfo.processInfo.systemUptime - started)
                }.mapError { error in shared.stop(); return error })
            }
        }
    }

    /// Reads chunks as they arrive and queues the utterances they complete.
    private static func readLoop(_ reader: AudioReader, segmenter: UtteranceSegmenter, shared: LiveState) {
        var segmenter = segmenter
        do {
            while !shared.snapshot.stopped, let chunk = try reader.next() {
                let utterances = segmenter.feed(chunk, arrival: ProcessInfo.processInfo.systemUptime)
                shared.update { $0.received = chunk.endTime; $0.collectingSince = segmenter.collectingSince; $0.queue += utterances }
            }
            let last = segmenter.finish()
            shared.update { $0.queue += last.map { [$0] } ?? []; $0.collectingSince = nil; $0.inputEnded = true }
        } catch {
            shared.update { $0.error = $0.error ?? error }
        }
    }

    /// Signs queued utterances one at a time and places them on the output's clock.
    private static func planLoop(_ signer: LiveSigner, maxBacklog: Double, shared: LiveState) {
        while let (utterance, free) = shared.nextUtterance(maxBacklog: maxBacklog) {
            do {
                let placed = try signer.sign(utterance, free: free)
                shared.update { state in
                    state.planning = nil
                    guard var placed else { return }
                    placed.start = max(placed.start, state.head, state.placed.last?.end ?? 0)
                    state.placed.append(placed)
                }
            } catch {
                shared.update { $0.planning = nil; $0.error = $0.error ?? error }
                return
            }
        }
    }

    /// Length of the idle loop, seconds: a whole number of the rest pose's breathing (4 s) and sway (10 s) periods,
    /// so the loop has no seam.
    static let idleLoop = 20.0

    private static func thread(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 16 << 20  // recognition and rendering recurse little but use large stack frames
        thread.start()
    }
}

/// Moves values that are not `Sendable` to the one thread that uses them from then on.
private final class Handover<Value>: @unchecked Sendable {
    // @unchecked: the value is immutable here and used by one thread only, the one it is handed to.
    let value: Value
    init(_ value: Value) { self.value = value }
}
