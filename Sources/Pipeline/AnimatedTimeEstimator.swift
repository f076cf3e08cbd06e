import Distill
import Foundation
import Gloss
import Motion
import Synchronization

/// The signing time of a text as the avatar will really sign it: the Gloss stage's glosses, animated by Motion.
///
/// Plugged into distillation, it makes the lag bound hold for the animation itself, not for an estimate that
/// might disagree with it (function words the gloss rules keep, fingerspelling, number sequences, transitions).
/// Results are cached by text, since the distiller measures many candidate condensations of each passage.
public final class AnimatedTimeEstimator: SigningTimeEstimator, Sendable {
    private let translator: GlossTranslator
    private let animation: GlossAnimation
    /// Estimates by text; the only mutable state.
    private let cache = Mutex<[String: SigningEstimate]>([:])

    /// Creates the estimator from the job's own gloss translator and animation bridge.
    public init(translator: GlossTranslator, animation: GlossAnimation) {
        self.translator = translator
        // The same signs recur across the many candidate texts: each is planned once.
        self.animation = animation.with(Animator(avatar: animation.animator.avatar, timing: animation.animator.timing,
                                                 clipCache: SignClipCache()))
    }

    public func signingTime(of text: String) throws -> SigningEstimate {
        if let known = cache.withLock({ $0[text] }) { return known }
        let sequence = translator.translate(text: text)
        let glosses = sequence.glosses
        var estimate = SigningEstimate(
            signs: glosses.filter { $0.kind == .sign }.count + glosses.filter { $0.kind == .number }.map(\.units.count).reduce(0, +),
            fingerspelledLetters: glosses.filter { $0.kind == .fingerspelling }.map(\.units.count).reduce(0, +),
            pauses: glosses.filter { $0.kind == .pause }.count)
        let items = animation.items(joining: sequence.sentences)
        if items.contains(where: { !$0.isPause }) {
            // Timed as the animation will be, without posing frames (posing every frame made distillation cost
            // ~36 ms a cue).
            let (spans, end) = try animation.animator.schedule(items)
            // From the first approach to where the next passage may start: the last sign, the pause its sentence
            // ends with and the gap before the next sentence. The rest pose at either end of a lone phrase is not
            // paid between passages of a running broadcast.
            let first = (spans.first?.start ?? 0) - animation.animator.timing.approach
            estimate.seconds = end - first + animation.gap(after: items)
        }
        cache.withLock { $0[text] = estimate }
        return estimate
    }
}
