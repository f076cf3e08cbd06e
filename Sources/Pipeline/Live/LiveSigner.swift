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
    private let model: WhisperModel
    private let transcription: TranscriptionOptions
    private let distiller: Distiller
    private let translator: GlossTranslator
    private let animation: GlossAnimation
    private let fps: Double
    private var state: DistillState
    private var previousText = ""

    init(model: WhisperModel, transcription: TranscriptionOptions, distiller: Distiller, translator: GlossTranslator,
         animation: GlossAnimation, fps: Double) {
        self.model = model
        self.transcription = transcription
        self.distiller = distiller
        self.translator = translator
        self.animation = animation
        self.fps = fps
        state = distiller.startState()
    }

    /// Recognises and signs `utterance`; the signing starts no earlier than `free` on the output's clock
    /// (the output's current time, or the end of signing already placed). Nil when there is nothing to sign.
    func sign(_ utterance: Utterance, free: Double) throws -> PlacedSigning? {
        var options = transcription
        // The previous utterance's words keep names and spelling consistent across cuts (Whisper's prompt).
        if !previousText.isEmpty { options.initialPrompt = String(previousText.suffix(200)) }
        let text = try Transcriber(model: model, options: options).transcribe(samples: utterance.samples)
            .segments.map(\.text).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        previousText = text
        let speech = TimedText(start: utterance.start, end: utterance.end, text: text)

        state.free = max(state.free, free)
        let passage = blocking { [distiller, state] in
            var next = state
            return (await distiller.passage(for: speech, state: &next), next)
        }
        state = passage.1
        guard !passage.0.text.isEmpty else { return nil }
        let signing = passage.0.signing
        // Animated from time 0 (no leading pause) and placed where the distiller scheduled it.
        let sequence = translator.translate(segments: [TimedText(start: 0, end: signing.duration, text: signing.text)])
        let track = try animation.animate(sequence, fps: fps, idle: 0)
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
