import Foundation

/// Joins planned signs into a phrase and renders it to an ``AnimationTrack``.
///
/// The phrase starts and ends at rest with breathing; between signs the hands move straight from one sign's
/// last state to the next sign's first (co-articulation: no return to rest inside a phrase); a hand not used by
/// a sign lowers to rest. Signs before a pause or the end are lengthened; fingerspelled letters get about
/// 0.33 s each, the last held longer; every duration is divided by the speed factor.
public struct Animator: Sendable {
    /// The avatar.
    public let avatar: Avatar
    /// Durations.
    public let timing: Timing
    /// Planned signs to reuse across calls, if any.
    public let clipCache: SignClipCache?
    /// Fastest forearm twist and wrist turn, radians per second (fast human pronation peaks near 15 rad/s).
    public static let maxTurningSpeed = 14.0

    /// Creates an animator; with `clipCache`, each distinct sign is planned once across all calls.
    public init(avatar: Avatar, timing: Timing = Timing(), clipCache: SignClipCache? = nil) {
        self.avatar = avatar
        self.timing = timing
        self.clipCache = clipCache
    }

    /// What the animator aimed for in each frame, for checking the result.
    public struct Diagnostics: Sendable {
        /// Per frame, the wrist targets given to IK, by side.
        public var wristTargets: [[Side: Vector3]]
        /// Per frame, the hand orientations asked for, by side.
        public var handOrientations: [[Side: Quaternion]]
    }

    /// Animates `items` at `fps` frames per second.
    /// - Throws: ``MotionError/badSign(source:element:reason:)`` for a sign that cannot be synthesised.
    public func animate(_ items: [PhraseItem], fps: Double = 25) throws -> (track: AnimationTrack, diagnostics: Diagnostics) {
        var phrase = try self.phrase(items)
        let end = phrase.returnToRest(taking: timing.toRest / speed)
        return render(phrase, duration: end + timing.idle / speed, fps: fps)
    }

    /// The global speed factor, kept away from zero.
    private var speed: Double { max(0.05, timing.speed) }

    /// When each gloss of `items` is signed, and when the phrase's last item (a trailing pause included) ends,
    /// seconds, exactly as ``animate(_:fps:)`` times them, without posing any frame: for measuring signing time
    /// (distillation measures many candidate texts).
    /// - Throws: ``MotionError/badSign(source:element:reason:)`` for a sign that cannot be synthesised.
    public func schedule(_ items: [PhraseItem]) throws -> (spans: [AnimationTrack.GlossSpan], end: Double) {
        let phrase = try phrase(items)
        return (phrase.spans, phrase.now)
    }

    /// The phrase on its clock: each sign and letter planned (through ``clipCache`` when there is one) and placed
    /// after its approach; pauses advance the clock. Ends before the return to rest.
    private func phrase(_ items: [PhraseItem]) throws -> PhraseTimeline {
        let planner = SignPlanner(avatar: avatar, timing: timing)
        func plan(_ sign: SignDescription) throws -> SignClip {
            guard let clipCache else { return try planner.plan(sign) }
            return try clipCache.clip(sign) { try planner.plan(sign) }
        }
        var phrase = PhraseTimeline(avatar: avatar, start: timing.idle / speed)
        for (index, item) in items.enumerated() {
            let boundary = index == items.count - 1 || items[index + 1].isPause
            let approach = (phrase.atRest ? timing.fromRest : timing.approach) / speed
            switch item {
            case let .sign(sign):
                let clip = try plan(sign)
                phrase.perform(clip, approach: approach, scale: (boundary ? timing.phraseFinalLengthening : 1) / speed,
                               movement: clip.movementKind)
            case let .fingerspelling(letters):
                for (k, letter) in letters.enumerated() {
                    var clip = try plan(letter)
                    let isLast = k == letters.count - 1
                    let hold = (timing.letter * 0.6 + (isLast ? timing.lastLetterHold : 0)) / speed
                    clip.hands = clip.hands.mapValues { [$0[0], $0[0]] }
                    let firstApproach = k == 0 ? approach : timing.letter * 0.4 / speed
                    phrase.perform(clip, approach: firstApproach, scale: hold / clip.duration, movement: .fingerspelling)
                }
            case let .number(signs):
                for (k, sign) in signs.enumerated() {
                    let clip = try plan(sign)
                    let isLast = k == signs.count - 1
                    let into = k == 0 ? approach : timing.numberTransition / speed
                    if clip.movementKind == .none {
                        let hold = (timing.numberHold + (isLast ? timing.lastLetterHold : 0)) / speed
                        phrase.perform(clip, approach: into, scale: hold / clip.duration, movement: .none)
                    } else {
                        phrase.perform(clip, approach: into, scale: (isLast && boundary ? timing.phraseFinalLengthening : 1) / speed,
                                       movement: clip.movementKind)
                    }
                }
            case let .pause(seconds):
                let pause = seconds / speed, rise = (timing.fromRest - timing.approach) / speed
                guard !phrase.atRest, pause >= max(timing.restingPause, timing.toRest + timing.fromRest) / speed else {
                    phrase.now += pause
                    continue
                }
                // Lowered to rest and raised again in time for the next sign to start when it would after a hold.
                let end = phrase.now + pause
                _ = phrase.returnToRest(taking: timing.toRest / speed)
                phrase.now = end - rise
            }
        }
        return phrase
    }

    /// Samples the timelines at `fps` and solves each frame's pose.
    private func render(_ phrase: PhraseTimeline, duration: Double, fps: Double) -> (AnimationTrack, Diagnostics) {
        let rig = avatar.rig
        let count = Int((duration * fps).rounded(.up)) + 1
        var frames: [AnimationTrack.Frame] = []
        var diagnostics = Diagnostics(wristTargets: [], handOrientations: [])
        frames.reserveCapacity(count)
        for f in 0..<count {
            let t = Double(f) / fps
            var base = idlePose(at: t)
            let values = rig.controls.map { control in
                min(control.range.upperBound, max(control.range.lowerBound, sampleControl(phrase.controls[control.name] ?? [], t)))
            }
            for (control, value) in zip(rig.controls, values) where value != 0 {
                guard let drive = control.drive else { continue }
                base.rotations[drive.joint] = base.rotations[drive.joint] * Quaternion(axisIndex: drive.axis, angle: value * drive.radiansPerUnit)
            }
            let states = phrase.hands.mapValues { $0.sample(t) }
            let previous = frames.last.map { Pose(rotations: $0.rotations, rootPosition: $0.rootPosition) }
            var (pose, targets) = avatar.pose(hands: states, base: base, previous: previous, maxTurn: Self.maxTurningSpeed / fps)
            for i in pose.rotations.indices { pose.rotations[i] = rig.joints[i].clamped(pose.rotations[i]) }
            frames.append(.init(rootPosition: pose.rootPosition, rotations: pose.rotations, controls: values))
            diagnostics.wristTargets.append(targets)
            diagnostics.handOrientations.append(states.mapValues(\.orientation))
        }
        let track = AnimationTrack(fps: fps, rigName: rig.name, jointNames: rig.joints.map(\.name),
                                   controlNames: rig.controls.map(\.name), frames: frames, spans: phrase.spans)
        return (track, diagnostics)
    }

    /// The rest pose at `t` seconds with breathing (0.25 Hz, ±0.6°) and a slow idle sway (0.1 Hz, ±0.5°), radians.
    private func idlePose(at t: Double) -> Pose {
        let rig = avatar.rig
        var base = Pose(rest: rig)
        let pelvis = 0
        if let spine = rig.jointIndex("spine3") {
            base.rotations[spine] = base.rotations[spine] * Quaternion(axisIndex: 0, angle: 0.0105 * sin(2 * .pi * 0.25 * t))
        }
        base.rotations[pelvis] = base.rotations[pelvis] * Quaternion(axisIndex: 1, angle: 0.0087 * sin(2 * .pi * 0.1 * t))
        return base
    }
}

/// The phrase being built on its own clock: each hand's timeline, the control curves and the gloss spans.
struct PhraseTimeline {
    let avatar: Avatar
    /// Both hands' timelines, each starting at rest at time 0.
    var hands: [Side: HandTimeline]
    var controls: [String: [ControlKey]] = [:]
    var spans: [AnimationTrack.GlossSpan] = []
    /// The end of what is planned so far, seconds.
    var now: Double
    /// True while both hands are at rest: before the first sign and after a resting pause.
    var atRest = true

    init(avatar: Avatar, start: Double) {
        self.avatar = avatar
        hands = Dictionary(uniqueKeysWithValues: Side.allCases.map { ($0, HandTimeline(rest: avatar.restHand($0))) })
        now = start
    }

    /// Adds `clip` after an approach of `approach` seconds, its own time scaled by `scale`; a hand the clip does
    /// not use lowers to rest meanwhile.
    mutating func perform(_ clip: SignClip, approach: Double, scale: Double, movement: MovementKind) {
        let start = now + approach
        for side in Side.allCases {
            var timeline = hands[side] ?? HandTimeline(rest: avatar.restHand(side))
            timeline.hold(until: now)
            if let keys = clip.hands[side], let first = keys.first {
                let from = timeline.last
                let steps = max(2, Int(approach / SignPlanner.keyInterval))
                for i in 1...steps {
                    let u = Double(i) / Double(steps)
                    timeline.append(now + approach * u, from.transition(to: first, u))
                }
                for (i, state) in keys.enumerated() {
                    timeline.append(start + clip.duration * scale * Double(i) / Double(max(1, keys.count - 1)), state)
                }
            } else {
                timeline.append(start + clip.duration * scale, avatar.restHand(side))
            }
            hands[side] = timeline
        }
        for (name, keys) in clip.controls {
            controls[name, default: []].append(contentsOf: keys.map { ControlKey(time: start + $0.time * scale, value: $0.value) })
        }
        spans.append(.init(gloss: clip.gloss, start: start, end: start + clip.duration * scale, movement: movement))
        now = start + clip.duration * scale
        atRest = false
    }

    /// Both hands from where they are at `now` back to rest in `duration` seconds; returns when they are there.
    mutating func returnToRest(taking duration: Double) -> Double {
        let end = now + duration
        for side in Side.allCases {
            var timeline = hands[side] ?? HandTimeline(rest: avatar.restHand(side))
            timeline.hold(until: now)
            let from = timeline.last, rest = avatar.restHand(side)
            let steps = max(2, Int(duration / SignPlanner.keyInterval))
            for i in 1...steps {
                let u = Double(i) / Double(steps)
                timeline.append(now + (end - now) * u, from.transition(to: rest, u))
            }
            hands[side] = timeline
        }
        atRest = true
        return end
    }
}
