import AnchorCore
import Gloss
import Lexicon
import Motion

/// Turns a timed gloss sequence into one animation on the broadcast's clock.
///
/// Each sentence starts no earlier than its glosses' start time (the distilled signing schedule), with pauses
/// of rest in between, so the avatar stays with the speech; within a sentence the signs flow with co-articulation.
public struct GlossAnimation: Sendable {
    /// The synthesiser.
    public let animator: Animator
    /// The dictionary the glosses point into.
    public let lexicon: Lexicon
    /// Pause at least this long between sentences, seconds.
    public var sentenceGap = 0.3

    /// Creates the bridge.
    public init(animator: Animator, lexicon: Lexicon) {
        self.animator = animator
        self.lexicon = lexicon
    }

    /// The phrase items of one sentence: signs, fingerspelled words, number sequences and pauses.
    /// Glosses whose lexicon entry is missing are left out (the gloss stage already counted them as unmatched).
    public func items(_ sentence: GlossSentence) -> [PhraseItem] {
        sentence.glosses.flatMap { gloss -> [PhraseItem] in
            let units = gloss.units.compactMap { $0.entry.flatMap(lexicon.entry(id:)) }.map(SignDescription.init(entry:))
            switch gloss.kind {
            case .sign: return gloss.entry.flatMap(lexicon.entry(id:)).map { [.sign(SignDescription(entry: $0))] } ?? []
            case .fingerspelling: return units.isEmpty ? [] : [.fingerspelling(units)]
            case .number: return units.map { .sign($0) }  // digit and number signs, one after another
            case .pause: return [.pause(gloss.pause ?? 0.3)]
            }
        }
    }

    /// The whole sequence as one track at `fps`, each sentence placed at its start time when the input was timed.
    public func animate(_ sequence: GlossSequence, fps: Double) throws -> AnimationTrack {
        let sentences = sequence.sentences.map { (start: $0.start, items: items($0)) }.filter { !$0.items.isEmpty }
        // First pass: how long each sentence takes to sign on its own, so the second can place it on the clock.
        var phrase: [PhraseItem] = []
        var clock = 0.0
        for sentence in sentences {
            let duration = try animator.animate(sentence.items, fps: fps).track.duration
            let gap = max(phrase.isEmpty ? 0 : sentenceGap, (sentence.start ?? clock) - clock)
            if gap > 0 { phrase.append(.pause(gap)) }
            phrase += sentence.items
            clock += gap + duration
        }
        guard !phrase.isEmpty else { throw PipelineError.invalidJob("nothing to sign: no gloss has a lexicon sign") }
        return try animator.animate(phrase, fps: fps).track
    }
}
