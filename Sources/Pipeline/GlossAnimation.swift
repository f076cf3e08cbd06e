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
    /// The mouthed words, when the avatar mouths (``Avatar/mouthing``).
    public let words: WordMouthing?
    /// Pause at least this long between sentences, seconds, counting the pause a sentence ends with (its full stop).
    public var sentenceGap = 0.3

    /// Creates the bridge; with `words`, each sign carries the mouth shapes of its word.
    public init(animator: Animator, lexicon: Lexicon, words: WordMouthing? = nil) {
        self.animator = animator
        self.lexicon = lexicon
        self.words = words
    }

    /// The same bridge on another animator (other timing, a clip cache).
    public func with(_ animator: Animator) -> GlossAnimation {
        var copy = GlossAnimation(animator: animator, lexicon: lexicon, words: words)
        copy.sentenceGap = sentenceGap
        return copy
    }

    /// The sign of `entry`, mouthing its picture or `spoken` words when the avatar mouths.
    public func sign(_ entry: LexiconEntry, spoken: [String] = []) -> SignDescription {
        var sign = SignDescription(entry: entry)
        if animator.avatar.mouthing != nil { sign.mouthing = words?.visemes(entry: entry, words: spoken) }
        return sign
    }

    /// The phrase items of one sentence: signs, fingerspelled words, number sequences and pauses.
    /// Glosses whose lexicon entry is missing are left out (the gloss stage already counted them as unmatched).
    /// Signs under a sentence-level marker (question, negation, topic) carry its face and head features.
    public func items(_ sentence: GlossSentence) -> [PhraseItem] {
        sentence.glosses.enumerated().flatMap { index, gloss -> [PhraseItem] in
            let markers = sentence.nonManual.filter { ($0.first...$0.last).contains(index) }.map(\.kind)
            let units = gloss.units.compactMap { unit in unit.entry.flatMap(lexicon.entry(id:)).map { (unit.unit, $0) } }
            switch gloss.kind {
            case .sign:
                return gloss.entry.flatMap(lexicon.entry(id:)).map { [.sign(Self.marked(sign($0, spoken: gloss.source), markers))] } ?? []
            case .fingerspelling:  // spelling carries no face and no mouthing
                return units.isEmpty ? [] : [.fingerspelling(units.map { SignDescription(entry: $0.1) })]
            case .number:  // digit and number signs run through as one number, each mouthed
                return units.isEmpty ? [] : [.number(units.map { Self.marked(sign($0.1, spoken: [$0.0]), markers) })]
            case .pause: return [.pause(gloss.pause ?? 0.3)]
            }
        }
    }

    /// `sign` with the non-manual items of `markers` added to its own tiers:
    /// yes/no question raised brows and head forward, WH question furrowed brows, negation a head shake,
    /// topic raised brows (sign-facts.md §2).
    static func marked(_ sign: SignDescription, _ markers: [NonManualSpan.Kind]) -> SignDescription {
        guard !markers.isEmpty else { return sign }
        func item(_ kind: NodeKind, _ code: String) -> PhonologyNode { PhonologyNode(kind, [NodeAttribute("movement", code)]) }
        let features = markers.flatMap { kind -> [PhonologyNode] in
            switch kind {
            case .yesNoQuestion: [item(.eyeBrows, "RB"), item(.headMovement, "NF")]
            case .whQuestion: [item(.eyeBrows, "FU")]
            case .negation: [item(.headMovement, "SH")]
            case .topic: [item(.eyeBrows, "RB")]
            }
        }
        var marked = sign
        marked.phonology.nonManual += features
        return marked
    }

    /// The avatar waiting at rest (breathing) for `seconds`, as `animator` synthesises it.
    public static func rest(_ animator: Animator, fps: Double, seconds: Double) throws -> AnimationTrack {
        // The animator adds its own rest and breathing at both ends: wait only for what they leave.
        let overhead = try animator.animate([.pause(1 / fps)], fps: fps).track.duration
        return try animator.animate([.pause(max(1 / fps, seconds - overhead))], fps: fps).track
    }

    /// The whole sequence as one track at `fps`, each sentence placed at its start time when the input was timed.
    /// With nothing to sign (silence, music), the avatar waits at rest for `idle` seconds.
    public func animate(_ sequence: GlossSequence, fps: Double, idle: Double = 1) throws -> AnimationTrack {
        let sentences = sequence.sentences.map { (start: $0.start, items: items($0)) }.filter { !$0.items.isEmpty }
        guard !sentences.isEmpty else { return try Self.rest(animator, fps: fps, seconds: idle) }
        // First pass: how long each sentence takes to sign on its own gives the pause before each one.
        var pauses: [Double] = []
        var clock = 0.0
        for (index, sentence) in sentences.enumerated() {
            let duration = try animator.animate(sentence.items, fps: fps).track.duration
            let gap = max(index == 0 ? 0 : gap(after: sentences[index - 1].items), (sentence.start ?? clock) - clock)
            pauses.append(gap)
            clock += gap + duration
        }
        func phrase() -> [PhraseItem] {
            zip(pauses, sentences).flatMap { gap, sentence in (gap > 0 ? [PhraseItem.pause(gap)] : []) + sentence.items }
        }
        var track = try animator.animate(phrase(), fps: fps).track
        // Signs flow into each other within the phrase, so sentences come out earlier than signed alone:
        // lengthen the pauses by what each sentence is still early, once, and sign again.
        let spansPerSentence = sentences.map { $0.items.reduce(0) { $0 + $1.spanCount } }
        guard track.spans.count == spansPerSentence.reduce(0, +) else { return track }
        var firstSpan = 0, added = 0.0, corrected = false
        for (index, sentence) in sentences.enumerated() {
            defer { firstSpan += spansPerSentence[index] }
            guard let start = sentence.start, spansPerSentence[index] > 0 else { continue }
            let early = start - (track.spans[firstSpan].start + added)
            if early > 0.5 / fps {
                pauses[index] += early
                added += early
                corrected = true
            }
        }
        if corrected { track = try animator.animate(phrase(), fps: fps).track }
        return track
    }

    /// The items of `sentences` one after another, each as soon as the one before allows (their times ignored),
    /// as ``animate(_:fps:idle:)`` joins sentences that are behind their time: what a passage costs to sign.
    public func items(joining sentences: [GlossSentence]) -> [PhraseItem] {
        sentences.map(items).filter { !$0.isEmpty }.reduce(into: []) { joined, items in
            let gap = joined.isEmpty ? 0 : gap(after: joined)
            joined += (gap > 0 ? [PhraseItem.pause(gap)] : []) + items
        }
    }

    /// The pause added before a sentence that follows `previous` at once: ``sentenceGap`` less the pause
    /// `previous` already ends with, so a full stop's pause and the gap are not both paid.
    public func gap(after previous: [PhraseItem]) -> Double {
        var trailing = 0.0
        for item in previous.reversed() {
            guard case let .pause(seconds) = item else { break }
            trailing += seconds
        }
        return max(0, sentenceGap - trailing)
    }
}
