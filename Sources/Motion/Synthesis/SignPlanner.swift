import Foundation
import Lexicon

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
    /// The movement kind that dominates the sign's timing (for duration checks).
    public var movementKind: MovementKind
}

/// Turns one sign's manual description (Lexicon's phonology, the G-SiGML vocabulary) into hand states over time.
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
    /// Speed of a compound's non-final parts relative to the sign alone: a compound's first members are reduced
    /// (Klima & Bellugi 1979 on ASL compounds; ASL-LEX compounds last 1.02 s on average, about one sign's time).
    public static let compoundReduction = 1.5
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
        try validate(sign)
        let parts = sign.phonology.manual.children.filter { $0.kind == .signManual }
        if !parts.isEmpty { return try compound(sign, parts) }
        var context = PlanContext(planner: self, sign: sign)
        let (start, movements) = try context.firstPosture()
        var motion = try MotionPiece.sequence(movements.map { try context.piece($0) })
        if context.twoHanded && sign.phonology.isOutOfPhase { motion = motion.alternating(lagging: dominant.opposite) }
        let hold = motion.duration > 0 ? timing.finalHold : timing.staticHold
        let whole = MotionPiece.sequence([motion, .hold(hold)])
        let count = max(1, Int((whole.duration / Self.keyInterval).rounded(.up)))
        var hands: [Side: [HandState]] = [:]
        for i in 0...count {
            for (side, state) in whole.apply(start, Double(i) / Double(count)) { hands[side, default: []].append(state) }
        }
        let controls = try NonManual.curves(sign, duration: whole.duration, mouthing: avatar.mouthing, rig: avatar.rig)
        return SignClip(gloss: sign.gloss, duration: whole.duration, hands: hands, controls: controls,
                        movementKind: context.movementKind)
    }
}

extension SignPlanner {
    /// Every attribute value in the sign must be one the vocabulary accepts: the synthesiser reads them typed.
    /// Lexicon entries and imported SiGML are checked when read; this names a bad value in a sign built in code.
    func validate(_ sign: SignDescription) throws {
        for node in ([sign.phonology.manual] + sign.phonology.nonManual).flatMap(\.allNodes) {
            for attribute in node.attributes {
                guard let domain = NodeSchema.domain(of: attribute.name, on: node.kind), !domain.accepts(attribute.value) else { continue }
                throw MotionError.badSign(source: sign.source, element: "\(node.kind.rawValue)@\(attribute.name)",
                                          reason: "unknown value \(attribute.value)")
            }
        }
    }

    /// A sign written as several `sign_manual` parts in sequence (compounds): the parts joined by transitions.
    /// Every part but the last is reduced as in a compound: it is signed once (its repetitions are lost), faster
    /// (``compoundReduction``), and flows into the next with its final hold shortened to ``compoundHold``.
    func compound(_ sign: SignDescription, _ parts: [PhonologyNode]) throws -> SignClip {
        // The parts carry no mouthing: the compound's word is mouthed over the whole sign.
        var clips = try parts.enumerated().map { index, part in
            let reduced = index < parts.count - 1 ? part.withoutRepetition : part
            return try plan(SignDescription(gloss: sign.gloss, phonology: Phonology(manual: reduced), source: sign.source))
        }
        let keep = Int((Self.compoundHold / Self.keyInterval).rounded())
        for index in clips.indices.dropLast() {
            // The hold is the run of unchanged states at the end, the same length for every hand.
            let held = clips[index].hands.values.map { states in
                states.reversed().prefix { $0 == states.last! }.count - 1
            }.min() ?? 0
            let drop = max(0, held - keep)
            for side in clips[index].hands.keys {
                clips[index].hands[side]!.removeLast(drop)
                clips[index].hands[side] = Self.faster(clips[index].hands[side]!, by: Self.compoundReduction)
            }
        }
        let sides = Set(clips.flatMap(\.hands.keys))
        var hands: [Side: [HandState]] = [:]
        let steps = Int((timing.approach / Self.keyInterval).rounded())
        for side in sides {
            var keys: [HandState] = []
            for clip in clips {
                let count = clip.hands.values.first?.count ?? 1
                let own = clip.hands[side] ?? Array(repeating: avatar.restHand(side), count: count)
                if let last = keys.last {
                    for i in 1..<max(2, steps) { keys.append(last.transition(to: own[0], Double(i) / Double(max(2, steps)))) }
                }
                keys += own
            }
            hands[side] = keys
        }
        let duration = Double((hands.values.first?.count ?? 1) - 1) * Self.keyInterval
        let controls = try NonManual.curves(sign, duration: duration, mouthing: avatar.mouthing, rig: avatar.rig)
        return SignClip(gloss: sign.gloss, duration: duration, hands: hands, controls: controls, movementKind: .compound)
    }

    /// `states` (one per ``keyInterval``) played `factor` times as fast: resampled, interpolating between keys.
    static func faster(_ states: [HandState], by factor: Double) -> [HandState] {
        guard states.count > 2, factor > 1 else { return states }
        let last = states.count - 1
        let count = max(2, Int((Double(last) / factor).rounded(.up)) + 1)
        return (0..<count).map { index in
            let position = min(Double(last), Double(index) * factor)
            let lower = Int(position)
            return lower >= last ? states[last] : states[lower].transition(to: states[lower + 1], position - Double(lower))
        }
    }
}

/// The state of planning one sign: the current hand configurations and the symmetry of the sign (placing the
/// hands: PlanContext+Placement.swift).
struct PlanContext {
    let planner: SignPlanner
    let sign: SignDescription
    let manual: PhonologyNode             // the sign's manual part, placements read by where their location is
    let dominant: Side
    let symmetric: Bool
    let twoHanded: Bool
    let usesOtherArm: Bool                // the dominant hand touches the other arm, which is held in front as support
    let usesOtherHand: Bool               // a hand is placed against the other hand
    var config: [Side: PhonologyNode] = [:]   // each hand's configuration so far, one merged `handconfig` node
    var ownConfiguration = false          // the other hand has its own configuration (split_handconfig)
    var movementKind = MovementKind.none
    var lastBodyLocation: PhonologyNode?  // the dominant hand's latest body location, for contact without a second hand
    static let movementKinds: Set<NodeKind> = [.directedMotion, .circularMotion, .wristMotion, .fingerPlay, .targetMotion,
                                               .noMotion, .repeatedMotion, .parallelMotion, .sequentialMotion, .splitMotion]
    static let placementKinds: Set<NodeKind> = [.locationBodyArm, .locationHand, .splitLocation, .handConstellation]

    init(planner: SignPlanner, sign: SignDescription) {
        self.planner = planner
        self.sign = sign
        dominant = planner.dominant
        let manual = PlacementReading.normalised(sign.phonology.manual)
        self.manual = manual
        symmetric = sign.phonology.symmetry != nil
        usesOtherArm = manual.allNodes.contains {
            $0.kind == .locationBodyArm && $0.value("location", as: Location.self).map(BodyLocation.armParts.contains) == true
        }
        usesOtherHand = PlacementReading.placesOnOtherHand(manual)
        twoHanded = manual.flag("both_hands") || symmetric || usesOtherArm || usesOtherHand
            || manual.children.contains { [.splitHandConfig, .handConstellation, .splitLocation].contains($0.kind) }
    }

    func bad(_ element: String, _ reason: String) -> MotionError { .badSign(source: sign.source, element: element, reason: reason) }

    /// The hand states before the first movement, and the movement nodes that follow.
    mutating func firstPosture() throws -> (Hands, [PhonologyNode]) {
        var placements: [PhonologyNode] = []
        var movements: [PhonologyNode] = []
        for child in manual.children {
            switch child.kind {
            case _ where Self.movementKinds.contains(child.kind): movements.append(child)
            case .handConfig, .splitHandConfig: try configure(child)
            case _ where Self.placementKinds.contains(child.kind):
                if movements.isEmpty { placements.append(child) } else { movements.append(child) }
            default: throw bad(child.kind.rawValue, "unsupported element in sign_manual")
            }
        }
        remember(placements)
        var hands = orient(start: nil)
        hands = try place(hands, placements, placed: [])
        return (hands, movements)
    }

    /// Notes the dominant hand's latest body location among `placements`.
    mutating func remember(_ placements: [PhonologyNode]) {
        for node in placements {
            if node.kind == .locationBodyArm { lastBodyLocation = node }
            if node.kind == .splitLocation, let first = node.children.first, first.kind == .locationBodyArm { lastBodyLocation = first }
        }
    }

    /// Applies a `handconfig` (both hands, or the dominant only when the other has its own) or a `split_handconfig`.
    mutating func configure(_ node: PhonologyNode) throws {
        if node.kind == .splitHandConfig {
            ownConfiguration = true
            let parts = node.children.filter { $0.kind == .handConfig }
            guard parts.count == 2 else { throw bad("split_handconfig", "needs two handconfig elements") }
            config[dominant] = PostureAttributes.merged(config[dominant], with: parts[0])
            config[dominant.opposite] = PostureAttributes.merged(config[dominant.opposite], with: parts[1])
            return
        }
        for side in ownConfiguration ? [dominant] : [dominant, dominant.opposite] {
            config[side] = PostureAttributes.merged(config[side], with: node)
        }
    }

    /// Hand orientation and finger pose from the current configuration; positions from `start` (or rest).
    func orient(start: Hands?) -> Hands {
        var hands: Hands = [:]
        for side in twoHanded ? [dominant, dominant.opposite] : [dominant] {
            let node = configuration(side)
            let fingers = HandshapePose.pose(node)
            let f = node.direction("extfidir") ?? Vector3(0, 0, 1)
            let palmCode = node.direction("palmor") ?? Vector3(0, -1, 0)
            var fingersDir = f, palm = HandOrientation.palmDirection(fingers: f, palmCode: palmCode)
            if side != dominant && symmetric && !ownConfiguration { fingersDir = f.mirrored; palm = palm.mirrored }
            let orientation = HandOrientation.orientation(side: side, fingers: fingersDir, palm: palm)
            let wrist = start?[side]?.wrist ?? planner.avatar.restHand(side).wrist
            hands[side] = HandState(wrist: wrist, orientation: orientation, fingers: fingers)
        }
        return hands
    }

    /// The configuration of `side`'s hand. A supporting other hand that the sign does not describe
    /// (no `split_handconfig`, no symmetry) takes a default posture, as the SiGML players give it: under a
    /// location on the arm, the forearm across the body, palm down; under a location on the hand in a sign not
    /// marked `both_hands`, a flat base hand, palm up, fingers out and towards the dominant side.
    func configuration(_ side: Side) -> PhonologyNode {
        let node = config[side] ?? config[dominant] ?? PhonologyNode(.handConfig)
        guard side != dominant && !ownConfiguration && !symmetric else { return node }
        func posture(_ fingers: Direction, palm: Direction) -> PhonologyNode {
            PhonologyNode(.handConfig, [NodeAttribute("handshape", Handshape.flat.rawValue),
                                        NodeAttribute("extfidir", fingers.rawValue), NodeAttribute("palmor", palm.rawValue)])
        }
        if usesOtherArm { return posture(dominant == .right ? .r : .l, palm: .d) }
        if usesOtherHand && !manual.flag("both_hands") { return posture(dominant == .right ? .or : .ol, palm: .u) }
        return node
    }

    /// A movement node as a piece for both hands; a movement marked `alternating` runs out of phase.
    mutating func piece(_ e: PhonologyNode) throws -> MotionPiece {
        let piece = try inPhase(e)
        return e.flag("alternating") && twoHanded ? piece.alternating(lagging: dominant.opposite) : piece
    }

    /// Notes a movement of `kind`: the first one sets the sign's kind, a repetition overrides it.
    private mutating func note(_ kind: MovementKind) {
        if movementKind == .none || kind == .repeated { movementKind = kind }
    }

    /// A movement node as a piece for both hands moving together.
    private mutating func inPhase(_ e: PhonologyNode) throws -> MotionPiece {
        let timing = planner.timing, source = sign.source
        let mirror = symmetric
        func lift(_ m: HandMove) -> MotionPiece { .lift(m, dominant: dominant, mirror: mirror) }
        switch e.kind {
        case .directedMotion: note(.directed); return lift(try Movements.directed(e, timing: timing, source: source))
        case .circularMotion: note(.circular); return lift(try Movements.circular(e, timing: timing, source: source))
        case .wristMotion: note(.wrist); return lift(try Movements.wrist(e, side: dominant, timing: timing, source: source))
        case .fingerPlay: note(.wrist); return lift(Movements.fingerPlay(e, timing: timing))
        case .noMotion: return .hold(0)
        case .parallelMotion: return .parallel(try e.children.map { try piece($0) })
        case .sequentialMotion: return .sequence(try e.children.map { try piece($0) })
        case .repeatedMotion:
            let inner = MotionPiece.sequence(try e.children.map { try piece($0) })
            note(.repeated)
            return Movements.repeated(inner, e, dominant: dominant, mirror: mirror, timing: timing)
        case .splitMotion: return try split(e)
        case .targetMotion: note(.directed); return try target(e)
        case _ where Self.placementKinds.contains(e.kind):
            return try target(PhonologyNode(.targetMotion, children: [e]))
        default: throw bad(e.kind.rawValue, "unsupported movement")
        }
    }

    /// `split_motion`: each half moves one hand, in the signer's absolute directions (the second half is not mirrored).
    private mutating func split(_ e: PhonologyNode) throws -> MotionPiece {
        guard e.children.count == 2 else { throw bad("split_motion", "needs two movements") }
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
    }

    /// `tgt_motion`: a change of hand configuration and/or location, with any movement inside it in parallel.
    mutating func target(_ e: PhonologyNode) throws -> MotionPiece {
        var placements: [PhonologyNode] = []
        var inner: [MotionPiece] = []
        let before = config
        for child in e.children {
            switch child.kind {
            case .changePosture: continue
            case .handConfig, .splitHandConfig: try configure(child)
            case _ where Self.placementKinds.contains(child.kind): placements.append(child)
            default: inner.append(try piece(child))
            }
        }
        let changedShape = config != before
        remember(placements)
        let this = self
        // The hands are where the sign put them: a posture change moves only what it names.
        let placed = Set(Side.allCases)
        _ = try this.place(this.orient(start: nil), placements, placed: placed)     // surface errors now, not while sampling
        let duration = planner.timing.postureChange / Timing.tempo(e)
        let change = MotionPiece(duration: duration) { start, u in
            var goal = this.orient(start: start)
            if !changedShape { for (side, s) in start { goal[side]?.orientation = s.orientation; goal[side]?.fingers = s.fingers } }
            if !placements.isEmpty, let moved = try? this.place(goal, placements, placed: placed) { goal = moved }
            var filtered = goal.filter { start[$0.key] != nil }
            for (side, s) in start where filtered[side] == nil { filtered[side] = s }
            return start.blend(to: filtered, minimumJerk(u))
        }
        return .parallel([change] + inner)
    }
}

extension PhonologyNode {
    /// This movement tree with each `rpt_motion` performed once: the first member of a compound loses its
    /// repetition (Klima & Bellugi 1979; Liddell & Johnson 1986).
    var withoutRepetition: PhonologyNode {
        var node = self
        if node.kind == .repeatedMotion { node = PhonologyNode(.sequentialMotion, children: node.children) }
        node.children = node.children.map(\.withoutRepetition)
        return node
    }
}
