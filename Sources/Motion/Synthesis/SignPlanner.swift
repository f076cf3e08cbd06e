import Foundation

/// A sign planned into hand states over time, before the phrase composer joins signs together.
public struct SignClip: Sendable {
    /// The sign's gloss.
    public var gloss: String
    /// Duration from reaching the first posture to the end of the final hold, seconds (before the speed factor).
    public var duration: Double
    /// States of the hands that take part, sampled every ``SignPlanner/keyInterval`` seconds from 0 to `duration`.
    public var hands: [Side: [HandState]]
    /// Non-manual control curves over the sign, by control name.
    public var controls: [String: [ControlKey]]
    /// The movement kind that dominates the sign's timing (for duration checks): none, directed, circular, wrist, repeated.
    public var movementKind: String
}

/// Turns one sign's manual description (G-SiGML vocabulary) into hand states over time.
///
/// The first posture comes from the hand configuration(s) and location(s) before the first movement; movements
/// then run in order (`par_motion` together, `seq_motion` in turn, `rpt_motion` repeated), and a hold ends the sign.
/// In a left–right symmetric sign (`lr_symm`) the other hand is the mirror image of the dominant one unless
/// `split_*` elements give it its own configuration, location or movement. In an alternating sign (`outofphase`)
/// the non-dominant hand runs half a cycle behind the dominant one.
public struct SignPlanner: Sendable {
    /// Time between planned states, seconds.
    public static let keyInterval = 0.02
    /// Hold at the end of a compound's non-final part before the transition to the next, seconds.
    public static let compoundHold = 0.1
    /// The avatar to plan for.
    public let avatar: Avatar
    /// Durations and sizes.
    public let timing: Timing
    /// The dominant hand.
    public let dominant: Side

    /// Creates a planner; `dominant` is the signer's dominant hand.
    public init(avatar: Avatar, timing: Timing = Timing(), dominant: Side = .right) {
        self.avatar = avatar
        self.timing = timing
        self.dominant = dominant
    }

    /// Plans `sign`.
    /// - Throws: ``MotionError/badSign(source:element:reason:)`` naming the unusable element or attribute.
    public func plan(_ sign: SignDescription) throws -> SignClip {
        let parts = sign.manual.children.filter { $0.name == "sign_manual" }
        if !parts.isEmpty { return try compound(sign, parts) }
        var context = PlanContext(planner: self, sign: sign)
        let (start, movements) = try context.firstPosture()
        var motion = try MotionPiece.sequence(movements.map { try context.piece($0) })
        if context.twoHanded && context.manual.flag("outofphase") { motion = motion.alternating(lagging: dominant.opposite) }
        let hold = motion.duration > 0 ? timing.finalHold : timing.staticHold
        let whole = MotionPiece.sequence([motion, .hold(hold)])
        let count = max(1, Int((whole.duration / Self.keyInterval).rounded(.up)))
        var hands: [Side: [HandState]] = [:]
        for i in 0...count {
            for (side, state) in whole.apply(start, Double(i) / Double(count)) { hands[side, default: []].append(state) }
        }
        let controls = try NonManual.curves(sign.nonManual, duration: whole.duration, source: sign.source)
        return SignClip(gloss: sign.gloss, duration: whole.duration, hands: hands, controls: controls,
                        movementKind: context.movementKind)
    }
}

extension SignPlanner {
    /// A sign written as several `sign_manual` parts in sequence (compounds): the parts joined by transitions.
    /// Every part but the last flows into the next, as in a compound: its final hold shortened to ``compoundHold``.
    func compound(_ sign: SignDescription, _ parts: [GesturalElement]) throws -> SignClip {
        var clips = try parts.map { try plan(SignDescription(gloss: sign.gloss, manual: $0, source: sign.source)) }
        let keep = Int((Self.compoundHold / Self.keyInterval).rounded())
        for index in clips.indices.dropLast() {
            // The hold is the run of unchanged states at the end, the same length for every hand.
            let held = clips[index].hands.values.map { states in
                states.reversed().prefix { $0 == states.last! }.count - 1
            }.min() ?? 0
            let drop = max(0, held - keep)
            for side in clips[index].hands.keys { clips[index].hands[side]!.removeLast(drop) }
        }
        let sides = Set(clips.flatMap(\.hands.keys))
        var hands: [Side: [HandState]] = [:]
        let steps = Int((timing.approach / Self.keyInterval).rounded())
        for side in sides {
            var keys: [HandState] = []
            for clip in clips {
                let own = clip.hands[side] ?? Array(repeating: avatar.restHand(side), count: clip.hands.values.first!.count)
                if let last = keys.last {
                    for i in 1..<max(2, steps) { keys.append(last.transition(to: own[0], Double(i) / Double(max(2, steps)))) }
                }
                keys += own
            }
            hands[side] = keys
        }
        let duration = Double(hands.values.first!.count - 1) * Self.keyInterval
        let controls = try NonManual.curves(sign.nonManual, duration: duration, source: sign.source)
        return SignClip(gloss: sign.gloss, duration: duration, hands: hands, controls: controls, movementKind: "compound")
    }
}

/// The state of planning one sign: the current hand configurations and the symmetry of the sign (placing the
/// hands: PlanContext+Placement.swift).
struct PlanContext {
    let planner: SignPlanner
    let sign: SignDescription
    let manual: GesturalElement           // the sign's manual part, placements read by where their location is
    let dominant: Side
    let symmetric: Bool
    let twoHanded: Bool
    let usesOtherArm: Bool                // the dominant hand touches the other arm, which is held in front as support
    let usesOtherHand: Bool               // a hand is placed against the other hand
    var config: [Side: [String: String]] = [:]
    var ownConfiguration = false          // the other hand has its own configuration (split_handconfig)
    var movementKind = "none"
    var lastBodyLocation: GesturalElement?   // the dominant hand's latest body location, for contact without a second hand
    static let movementNames: Set<String> = ["directedmotion", "circularmotion", "wristmotion", "fingerplay", "tgt_motion",
                                             "nomotion", "no_motion", "rpt_motion", "par_motion", "seq_motion", "split_motion"]

    init(planner: SignPlanner, sign: SignDescription) {
        self.planner = planner
        self.sign = sign
        dominant = planner.dominant
        let manual = PlacementReading.normalised(sign.manual)
        self.manual = manual
        symmetric = manual.flag("lr_symm") || manual.flag("oi_symm") || manual.flag("ud_symm")
        usesOtherArm = Self.descendants(manual).contains { $0.name == "location_bodyarm" && BodyLocation.armParts.contains($0["location"] ?? "") }
        usesOtherHand = PlacementReading.placesOnOtherHand(manual)
        twoHanded = manual.flag("both_hands") || symmetric || usesOtherArm || usesOtherHand
            || manual.children.contains { ["split_handconfig", "handconstellation", "split_location"].contains($0.name) }
    }

    static func descendants(_ e: GesturalElement) -> [GesturalElement] { e.children.flatMap { [$0] + descendants($0) } }

    func bad(_ element: String, _ reason: String) -> MotionError { .badSign(source: sign.source, element: element, reason: reason) }

    /// The hand states before the first movement, and the movement elements that follow.
    mutating func firstPosture() throws -> (Hands, [GesturalElement]) {
        var placements: [GesturalElement] = []
        var movements: [GesturalElement] = []
        for child in manual.children {
            switch child.name {
            case _ where Self.movementNames.contains(child.name): movements.append(child)
            case "handconfig", "split_handconfig": try configure(child)
            case "location_bodyarm", "location_hand", "split_location", "handconstellation":
                if movements.isEmpty { placements.append(child) } else { movements.append(child) }
            default: throw bad(child.name, "unsupported element in sign_manual")
            }
        }
        remember(placements)
        var hands = try orient(start: nil)
        hands = try place(hands, placements, placed: [])
        return (hands, movements)
    }

    /// Notes the dominant hand's latest body location among `placements`.
    mutating func remember(_ placements: [GesturalElement]) {
        for element in placements {
            if element.name == "location_bodyarm" { lastBodyLocation = element }
            if element.name == "split_location", let first = element.children.first, first.name == "location_bodyarm" { lastBodyLocation = first }
        }
    }

    /// Applies a `handconfig` (both hands, or the dominant only when the other has its own) or a `split_handconfig`.
    mutating func configure(_ element: GesturalElement) throws {
        if element.name == "split_handconfig" {
            ownConfiguration = true
            let parts = element.children.filter { $0.name == "handconfig" }
            guard parts.count == 2 else { throw bad("split_handconfig", "needs two handconfig elements") }
            config[dominant] = PostureAttributes.merged(config[dominant] ?? [:], with: parts[0].attributes)
            config[dominant.opposite] = PostureAttributes.merged(config[dominant.opposite] ?? [:], with: parts[1].attributes)
            return
        }
        for side in ownConfiguration ? [dominant] : [dominant, dominant.opposite] {
            config[side] = PostureAttributes.merged(config[side] ?? [:], with: element.attributes)
        }
    }

    /// Hand orientation and finger pose from the current configuration; positions from `start` (or rest).
    func orient(start: Hands?) throws -> Hands {
        var hands: Hands = [:]
        for side in twoHanded ? [dominant, dominant.opposite] : [dominant] {
            let element = GesturalElement(name: "handconfig", attributes: configuration(side))
            let fingers = try Handshape.pose(element, source: sign.source)
            let f = try Direction.attribute("extfidir", of: element, source: sign.source) ?? Vector3(0, 0, 1)
            let palmCode = try Direction.attribute("palmor", of: element, source: sign.source) ?? Vector3(0, -1, 0)
            var fingersDir = f, palm = HandOrientation.palmDirection(fingers: f, palmCode: palmCode)
            if side != dominant && symmetric && !ownConfiguration { fingersDir = f.mirrored; palm = palm.mirrored }
            let orientation = HandOrientation.orientation(side: side, fingers: fingersDir, palm: palm)
            let wrist = start?[side]?.wrist ?? planner.avatar.restHand(side).wrist
            hands[side] = HandState(wrist: wrist, orientation: orientation, fingers: fingers)
        }
        return hands
    }

    /// The configuration attributes of `side`'s hand. A supporting other hand that the sign does not describe
    /// (no `split_handconfig`, no symmetry) takes a default posture, as the SiGML players give it: under a
    /// location on the arm, the forearm across the body, palm down; under a location on the hand in a sign not
    /// marked `both_hands`, a flat base hand, palm up, fingers out and towards the dominant side.
    func configuration(_ side: Side) -> [String: String] {
        let attributes = config[side] ?? config[dominant] ?? [:]
        guard side != dominant && !ownConfiguration && !symmetric else { return attributes }
        let across = dominant == .right ? "r" : "l"
        if usesOtherArm { return ["handshape": "flat", "extfidir": across, "palmor": "d"] }
        if usesOtherHand && !manual.flag("both_hands") { return ["handshape": "flat", "extfidir": "o" + across, "palmor": "u"] }
        return attributes
    }

    /// A movement element as a piece for both hands; a movement marked `alternating` runs out of phase.
    mutating func piece(_ e: GesturalElement) throws -> MotionPiece {
        let piece = try inPhase(e)
        return e.flag("alternating") && twoHanded ? piece.alternating(lagging: dominant.opposite) : piece
    }

    /// A movement element as a piece for both hands moving together.
    private mutating func inPhase(_ e: GesturalElement) throws -> MotionPiece {
        let timing = planner.timing, source = sign.source
        let mirror = symmetric
        func lift(_ m: HandMove) -> MotionPiece { .lift(m, dominant: dominant, mirror: mirror) }
        func note(_ kind: String) { if movementKind == "none" || kind == "repeated" { movementKind = kind } }
        switch e.name {
        case "directedmotion": note("directed"); return lift(try Movements.directed(e, timing: timing, source: source))
        case "circularmotion": note("circular"); return lift(try Movements.circular(e, timing: timing, source: source))
        case "wristmotion": note("wrist"); return lift(try Movements.wrist(e, side: dominant, timing: timing, source: source))
        case "fingerplay": note("wrist"); return lift(Movements.fingerPlay(e, timing: timing))
        case "nomotion", "no_motion": return .hold(0)
        case "par_motion": return .parallel(try e.children.map { try piece($0) })
        case "seq_motion": return .sequence(try e.children.map { try piece($0) })
        case "rpt_motion":
            let inner = MotionPiece.sequence(try e.children.map { try piece($0) })
            note("repeated")
            return try Movements.repeated(inner, e, dominant: dominant, mirror: mirror, timing: timing, source: source)
        case "split_motion":
            guard e.children.count == 2 else { throw bad("split_motion", "needs two movements") }
            // Each half moves one hand, in the signer's absolute directions (the second half is not mirrored).
            var parts: [MotionPiece] = []
            let dominant = self.dominant
            for (side, child) in [(dominant, e.children[0]), (dominant.opposite, e.children[1])] {
                let inner = try piece(child)
                parts.append(MotionPiece(duration: inner.duration, halfCycle: inner.halfCycle) { start, u in
                    guard let s = start[side] else { return start }
                    var out = start
                    out[side] = inner.apply([dominant: s], u)[dominant] ?? s
                    return out
                })
            }
            return .parallel(parts)
        case "tgt_motion": note("directed"); return try target(e)
        case "location_bodyarm", "location_hand", "split_location", "handconstellation":
            return try target(GesturalElement(name: "tgt_motion", children: [e]))
        default: throw bad(e.name, "unsupported movement")
        }
    }

    /// `tgt_motion`: a change of hand configuration and/or location, with any movement inside it in parallel.
    mutating func target(_ e: GesturalElement) throws -> MotionPiece {
        var placements: [GesturalElement] = []
        var inner: [MotionPiece] = []
        let before = config
        for child in e.children {
            switch child.name {
            case "changeposture": continue
            case "handconfig", "split_handconfig": try configure(child)
            case "location_bodyarm", "location_hand", "split_location", "handconstellation": placements.append(child)
            default: inner.append(try piece(child))
            }
        }
        let changedShape = config != before
        remember(placements)
        let this = self
        // The hands are where the sign put them: a posture change moves only what it names.
        let placed = Set(Side.allCases)
        _ = try this.place(try this.orient(start: nil), placements, placed: placed)     // surface errors now, not while sampling
        let duration = planner.timing.postureChange / Timing.tempo(e)
        let change = MotionPiece(duration: duration) { start, u in
            guard var goal = try? this.orient(start: start) else { return start }
            if !changedShape { for (side, s) in start { goal[side]?.orientation = s.orientation; goal[side]?.fingers = s.fingers } }
            if !placements.isEmpty, let moved = try? this.place(goal, placements, placed: placed) { goal = moved }
            var filtered = goal.filter { start[$0.key] != nil }
            for (side, s) in start where filtered[side] == nil { filtered[side] = s }
            return start.blend(to: filtered, minimumJerk(u))
        }
        return .parallel([change] + inner)
    }
}
