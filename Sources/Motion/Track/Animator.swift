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
        let speed = max(0.05, timing.speed)
        var hands: [Side: HandTimeline] = [:]
        for side in Side.allCases { hands[side, default: HandTimeline()].append(0, avatar.restHand(side)) }
        var controls: [String: [ControlKey]] = [:]
        var spans: [AnimationTrack.GlossSpan] = []

        let now = try schedule(items) { clip, now, start, scale, movement in
            let approach = start - now
            for side in Side.allCases {
                let lastTime = hands[side]!.times.last!
                if lastTime < now { hands[side]!.append(now, hands[side]!.last) }
                guard let keys = clip.hands[side] else {
                    let rest = avatar.restHand(side)
                    hands[side]!.append(start + clip.duration * scale, rest)
                    continue
                }
                let from = hands[side]!.last
                let steps = max(2, Int(approach / SignPlanner.keyInterval))
                for i in 1...steps {
                    let u = Double(i) / Double(steps)
                    hands[side]!.append(now + approach * u, from.transition(to: keys[0], u))
                }
                for (i, state) in keys.enumerated() {
                    hands[side]!.append(start + clip.duration * scale * Double(i) / Double(max(1, keys.count - 1)), state)
                }
            }
            for (name, keys) in clip.controls {
                controls[name, default: []].append(contentsOf: keys.map { ControlKey(time: start + $0.time * scale, value: $0.value) })
            }
            spans.append(.init(gloss: clip.gloss, start: start, end: start + clip.duration * scale, movement: movement))
        }
        // Back to rest, then idle.
        let end = now + timing.toRest / speed
        for side in Side.allCases {
            if hands[side]!.times.last! < now { hands[side]!.append(now, hands[side]!.last) }
            let from = hands[side]!.last, rest = avatar.restHand(side)
            let steps = max(2, Int(timing.toRest / speed / SignPlanner.keyInterval))
            for i in 1...steps { let u = Double(i) / Double(steps); hands[side]!.append(now + (end - now) * u, from.transition(to: rest, u)) }
        }
        let total = end + timing.idle / speed
        return render(hands: hands, controls: controls, spans: spans, duration: total, fps: fps)
    }

    /// When each gloss of `items` is signed, exactly as ``animate(_:fps:)`` times it, without building or posing any
    /// frame: for measuring signing time (distillation measures many candidate texts).
    /// - Throws: ``MotionError/badSign(source:element:reason:)`` for a sign that cannot be synthesised.
    public func spans(_ items: [PhraseItem]) throws -> [AnimationTrack.GlossSpan] {
        var spans: [AnimationTrack.GlossSpan] = []
        _ = try schedule(items) { clip, _, start, scale, movement in
            spans.append(.init(gloss: clip.gloss, start: start, end: start + clip.duration * scale, movement: movement))
        }
        return spans
    }

    /// The phrase on the clock: plans each sign and letter and hands it to `place` with the time its approach begins
    /// (`from`), the time it starts, its duration scale and its movement kind, in order.
    /// - Returns: the time the last item ends (pauses included), before the return to rest.
    private func schedule(_ items: [PhraseItem],
                          place: (_ clip: SignClip, _ from: Double, _ start: Double, _ scale: Double, _ movement: String) -> Void)
        throws -> Double {
        let planner = SignPlanner(avatar: avatar, timing: timing)
        let cache = clipCache
        func plan(_ sign: SignDescription) throws -> SignClip {
            guard let cache else { return try planner.plan(sign) }
            return try cache.clip(sign) { try planner.plan(sign) }
        }
        let speed = max(0.05, timing.speed)
        var now = timing.idle / speed
        var placed = 0
        func perform(_ clip: SignClip, approach: Double, scale: Double, movement: String) {
            let start = now + approach
            place(clip, now, start, scale, movement)
            placed += 1
            now = start + clip.duration * scale
        }

        for (index, item) in items.enumerated() {
            let boundary = index == items.count - 1 || { if case .pause = items[index + 1] { return true } else { return false } }()
            let approach = (placed == 0 ? timing.fromRest : timing.approach) / speed
            switch item {
            case let .sign(sign):
                let clip = try plan(sign)
                perform(clip, approach: approach, scale: (boundary ? timing.phraseFinalLengthening : 1) / speed, movement: clip.movementKind)
            case let .fingerspelling(letters):
                for (k, letter) in letters.enumerated() {
                    var clip = try plan(letter)
                    let isLast = k == letters.count - 1
                    let hold = (timing.letter * 0.6 + (isLast ? timing.lastLetterHold : 0)) / speed
                    clip.hands = clip.hands.mapValues { [$0[0], $0[0]] }
                    let firstApproach = k == 0 ? approach : timing.letter * 0.4 / speed
                    perform(clip, approach: firstApproach, scale: hold / clip.duration, movement: "fingerspelling")
                }
            case let .pause(seconds):
                now += seconds / speed
            }
        }
        return now
    }

    /// Samples the timelines at `fps` and solves each frame's pose.
    private func render(hands: [Side: HandTimeline], controls: [String: [ControlKey]], spans: [AnimationTrack.GlossSpan],
                        duration: Double, fps: Double) -> (AnimationTrack, Diagnostics) {
        let rig = avatar.rig
        let count = Int((duration * fps).rounded(.up)) + 1
        var frames: [AnimationTrack.Frame] = []
        var diagnostics = Diagnostics(wristTargets: [], handOrientations: [])
        frames.reserveCapacity(count)
        let spine = rig.jointIndex("spine3"), pelvis = 0
        for f in 0..<count {
            let t = Double(f) / fps
            var base = Pose(rest: rig)
            // Breathing (0.25 Hz, ±0.6°) and a slow idle sway (0.1 Hz, ±0.5°), radians.
            if let spine { base.rotations[spine] = base.rotations[spine] * Quaternion(axisIndex: 0, angle: 0.0105 * sin(2 * .pi * 0.25 * t)) }
            base.rotations[pelvis] = base.rotations[pelvis] * Quaternion(axisIndex: 1, angle: 0.0087 * sin(2 * .pi * 0.1 * t))
            let values = rig.controls.map { control in
                min(control.range.upperBound, max(control.range.lowerBound, sampleControl(controls[control.name] ?? [], t)))
            }
            for (control, value) in zip(rig.controls, values) where value != 0 {
                guard let drive = control.drive else { continue }
                base.rotations[drive.joint] = base.rotations[drive.joint] * Quaternion(axisIndex: drive.axis, angle: value * drive.radiansPerUnit)
            }
            let states = hands.mapValues { $0.sample(t) }
            let previous = frames.last.map { Pose(rotations: $0.rotations, rootPosition: $0.rootPosition) }
            var (pose, targets) = avatar.pose(hands: states, base: base, previous: previous, maxTurn: Self.maxTurningSpeed / fps)
            for i in pose.rotations.indices { pose.rotations[i] = rig.joints[i].clamped(pose.rotations[i]) }
            frames.append(.init(rootPosition: pose.rootPosition, rotations: pose.rotations, controls: values))
            diagnostics.wristTargets.append(targets)
            diagnostics.handOrientations.append(states.mapValues(\.orientation))
        }
        let track = AnimationTrack(fps: fps, rigName: rig.name, jointNames: rig.joints.map(\.name),
                                   controlNames: rig.controls.map(\.name), frames: frames, spans: spans)
        return (track, diagnostics)
    }
}
