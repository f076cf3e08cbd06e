import AnchorCore
import Distill
import Foundation
import Gloss
import Motion
import Whisper

/// A stretch of signing for one utterance, placed on the output's clock.
public struct PlacedSigning: Sendable {
    /// Where the speech was on the input's clock, seconds.
    public var speech: TimedText
    /// What the avatar signs (the distilled text).
    public var signed: String
    /// The glosses' labels, in signing order.
    public var glosses: [String]
    /// Output-clock seconds where the track starts (from rest).
    public var start: Double
    /// The animation, from rest to rest.
    public var track: AnimationTrack
    /// Monotonic wall-clock seconds when the utterance's first audio was read.
    public var arrival: Double
    /// Wall-clock seconds from the end of the utterance's audio to its signing being placed (waiting for the
    /// planner, recognition, distillation, glosses, animation).
    public var processing: Double

    /// Output-clock seconds where the track ends.
    public var end: Double { start + track.duration }
}

/// Signs utterances one at a time as they arrive: speech recognition (conditioned on the previous utterance's
/// text), distillation under the lag bound with the avatar's real schedule, glosses, animation.
/// Not thread-safe: one planner thread uses it.
final class LiveSigner {
    /// The stages after recognition, for one spoken language and the sign language that signs it.
    struct Stages {
        var languages: LanguagePair
        var distiller: Distiller
        var translator: GlossTranslator
        var animation: GlossAnimation
        /// Mends misheard Chinese words, when the speech is Chinese and repair is on.
        var repair: HomophoneRepair?
    }

    private let model: WhisperModel
    private let transcription: TranscriptionOptions
    private let setUp: (LanguagePair) throws -> Stages
    private let fps: Double
    /// Nil until the first utterance's language is known (when neither sign nor speech language was given).
    private var stages: Stages?
    private var state: DistillState?
    private var previousText = ""

    /// - Parameters:
    ///   - stages: the stages when the languages are known in advance, else nil.
    ///   - setUp: makes the stages once the first utterance's language is detected.
    init(model: WhisperModel, transcription: TranscriptionOptions, stages: Stages?,
         setUp: @escaping (LanguagePair) throws -> Stages, fps: Double) {
        self.model = model
        self.transcription = transcription
        self.setUp = setUp
        self.fps = fps
        self.stages = stages
        state = stages?.distiller.startState()
    }

    /// Recognises and signs `utterance`; the signing starts no earlier than `free` on the output's clock
    /// (the output's current time, or the end of signing already placed). Nil when there is nothing to sign.
    /// - Throws: recognition errors, and ``PipelineError/invalidJob(_:)`` when the first utterance is in a
    ///   language SignAnchor cannot sign.
    func sign(_ utterance: Utterance, free: Double) throws -> PlacedSigning? {
        var options = transcription
        // Once the language is known, every utterance is recognised in it: short cuts detect less reliably.
        if let stages { options.language = stages.languages.spoken.rawValue }
        // The previous utterance's words keep names and spelling consistent across cuts (Whisper's prompt).
        if !previousText.isEmpty { options.initialPrompt = String(previousText.suffix(200)) }
        var detected: LanguagePair?
        let transcript = try Transcriber(model: model, options: options).transcribe(samples: utterance.samples, language: { [stages, model] code, probability in
            guard stages == nil else { return }
            detected = try LanguagePair.speech(code, probability: probability, requested: nil, input: "live input", model: model)
        })
        let recognised = transcript.segments.map(\.text).joined(separator: transcript.language == "zh" ? "" : " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !recognised.isEmpty else { return nil }
        if stages == nil, let detected {
            stages = try setUp(detected)
            state = stages?.distiller.startState()
        }
        guard let stages, var state else { return nil }
        let text = stages.repair?.repair(recognised) ?? recognised
        previousText = text
        let speech = TimedText(start: utterance.start, end: utterance.end, text: text)

        state.free = max(state.free, free)
        let passage = blocking { [distiller = stages.distiller, state] in
            var next = state
            return (await distiller.passage(for: speech, state: &next), next)
        }
        state = passage.1
        defer { self.state = state }
        guard !passage.0.text.isEmpty else { return nil }
        let signing = passage.0.signing
        // Animated from time 0 (no leading pause) and placed where the distiller scheduled it.
        let sequence = stages.translator.translate(segments: [TimedText(start: 0, end: signing.duration, text: signing.text)])
        let track = try stages.animation.animate(sequence, fps: fps, idle: 0)
        state.free = signing.start + track.duration
        return PlacedSigning(speech: speech, signed: signing.text, glosses: sequence.glosses.filter { $0.kind != .pause }.map(\.label),
                             start: signing.start, track: track, arrival: utterance.arrival,
                             processing: ProcessInfo.processInfo.systemUptime - utterance.arrival - utterance.duration)
    }
}

/// Runs async work from a plain thread and waits for it (the distiller is async for its GLM backend).
private func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// The result of ``blocking(_:)``: written once by the task before it signals, read after the wait.
private final class ResultBox<T>: @unchecked Sendable {
    // @unchecked: one write before `signal()`, one read after `wait()`; the semaphore orders them.
    var value: T?
}
