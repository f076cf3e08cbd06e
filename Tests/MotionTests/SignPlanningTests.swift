import Foundation
import Lexicon
@testable import Motion
import Testing

/// How the planner reads particular parts of the G-SiGML vocabulary, on small hand-written signs.
@Suite("Sign planning")
struct SignPlanningTests {
    /// A one-sign G-SiGML document with `manual` inside `sign_manual` (whose attributes are `attributes`).
    static func sign(_ manual: String, attributes: String = "") throws -> SignDescription {
        let xml = "<sigml><hamgestural_sign gloss=\"T\"><sign_manual \(attributes)>\(manual)</sign_manual></hamgestural_sign></sigml>"
        var report = SiGMLImportReport()
        return try SignDescription.signs(sigml: Data(xml.utf8), source: "test.sigml", report: &report)[0]
    }

    static func plan(_ manual: String, attributes: String = "") throws -> SignClip {
        try SignPlanner(avatar: Fixtures.avatar).plan(try sign(manual, attributes: attributes))
    }

    /// Alternating hands (`outofphase`): the other hand does what the dominant one does, a stroke later.
    @Test func outOfPhaseHandsAlternate() throws {
        let walking = #"<handconfig handshape="flat" extfidir="o" palmor="d"/><location_bodyarm location="stomach"/>"#
            + #"<rpt_motion repetition="tofroto"><directedmotion direction="o"/></rpt_motion>"#
        func forward(_ clip: SignClip) -> (right: [Double], left: [Double]) {
            let r = clip.hands[.right]!, l = clip.hands[.left]!
            return (r.map { $0.wrist.z - r[0].wrist.z }, l.map { $0.wrist.z - l[0].wrist.z })
        }
        let together = forward(try Self.plan(walking, attributes: #"both_hands="true" lr_symm="true""#))
        #expect(zip(together.right, together.left).allSatisfy { abs($0 - $1) < 1e-9 })

        let clip = try Self.plan(walking, attributes: #"both_hands="true" lr_symm="true" outofphase="true""#)
        let apart = forward(clip)
        // While one hand is forward the other is back, and each makes the whole movement.
        #expect(zip(apart.right, apart.left).map { abs($0 - $1) }.max()! > 0.1)
        #expect(abs(apart.right.max()! - apart.left.max()!) < 0.005)
        // The other hand lags by one stroke: the sign lasts a stroke longer.
        let stroke = Timing().directed
        #expect(abs(clip.duration - (stroke * (1 + 2 * Timing().repeatFactor) + stroke + Timing().finalHold)) < 0.01)
    }

    /// A sign made against the other hand, without any description of that hand, brings it up as a base:
    /// palm up in front of the lower chest, the dominant hand on it.
    @Test func baseHandComesUpForALocationOnTheHand() throws {
        let clip = try Self.plan(#"<handconfig handshape="finger2" extfidir="o" palmor="d"/><location_hand location="palm" contact="touch"/>"#)
        let avatar = Fixtures.avatar
        let base = try #require(clip.hands[.left]?.first), hand = try #require(clip.hands[.right]?.first)
        #expect(base.wrist.distance(to: avatar.restHand(.left).wrist) > 0.25)
        #expect((1.1...1.35).contains(base.wrist.y) && base.wrist.z > 0.1)
        let palmUp = HandOrientation.directions(side: .left, orientation: base.orientation).palm
        #expect(palmUp.y > 0.9)
        let basePalm = base.wrist + base.orientation * (try avatar.hands[.left]!.locate(.palm, fingers: base.fingers).point)
        let ownPalm = hand.wrist + hand.orientation * (try avatar.hands[.right]!.locate(.palm, fingers: hand.fingers).point)
        #expect(basePalm.distance(to: ownPalm) < 0.03)
    }

    /// A compound's first member loses its repetition (one tap, then the next part), its last member keeps it.
    @Test func aCompoundsFirstMemberLosesItsRepetition() throws {
        let hand = #"<handconfig handshape="flat" extfidir="u" palmor="l"/><location_bodyarm location="chin"/>"#
        let once = "<sign_manual>\(hand)<directedmotion direction=\"o\" size=\"small\"/></sign_manual>"
        let tapped = "<sign_manual>\(hand)<rpt_motion repetition=\"fromstart\"><directedmotion direction=\"o\" size=\"small\"/></rpt_motion></sign_manual>"
        let other = #"<sign_manual><handconfig handshape="fist" extfidir="o" palmor="d"/><location_bodyarm location="chest"/><directedmotion direction="d"/></sign_manual>"#
        let first = try Self.plan(tapped + other), plain = try Self.plan(once + other)
        #expect(first.movementKind == .compound)
        #expect(first.duration == plain.duration)
        #expect(first.hands[.right] == plain.hands[.right])
        let last = try Self.plan(other + tapped), lastOnce = try Self.plan(other + once)
        #expect(last.duration > lastOnce.duration + 0.2, "the last member keeps its repetition")
    }

    /// Two hands put into each other are moved apart, each by half, until their volumes touch without overlapping,
    /// measured on the solved pose; a mirror-image pair stays a mirror image.
    @Test func handsAreKeptApart() throws {
        let avatar = Fixtures.avatar, rig = Fixtures.rig
        func overlap(_ pose: Pose) -> Double {
            let world = rig.forward(pose)
            let left = avatar.hands[.left]!.volume(in: world)
            return avatar.hands[.right]!.volume(in: world).map { a in
                left.map { a.radius + $0.radius - a.centre.distance(to: $0.centre) }.max()!
            }.max()!
        }
        var right = avatar.restHand(.right), left = avatar.restHand(.left)
        // Both palms down, fingers forward: the hands side by side, pushed into each other.
        right.orientation = HandOrientation.orientation(side: .right, fingers: Vector3(0, 0, 1), palm: Vector3(0, -1, 0))
        left.orientation = HandOrientation.orientation(side: .left, fingers: Vector3(0, 0, 1), palm: Vector3(0, -1, 0))
        right.wrist = Vector3(0.01 * Side.right.xSign, 1.2, 0.25)
        left.wrist = right.wrist.mirrored
        let unsolved = avatar.pose(hands: [.right: right, .left: left])
        let world = rig.forward(unsolved.pose)
        let r = world.positions[avatar.hands[.right]!.hand], l = world.positions[avatar.hands[.left]!.hand]
        #expect(overlap(unsolved.pose) < 0.001, "overlap \(overlap(unsolved.pose))")
        #expect(overlap(unsolved.pose) > -0.004, "they still touch")
        #expect(abs(r.x + l.x) < 1e-6 && abs(r.y - l.y) < 1e-6 && abs(r.z - l.z) < 1e-6)
        #expect(abs(r.x - l.x) > 0.02, "moved apart")
    }

    /// Where the rig's skin samples stand in front of its colliders (a body bulging past them), the hand stays on
    /// their outer side: a sphere's depth is measured along the nearest sample's normal, and the samples move with
    /// their joint.
    @Test func handsStayOutsideTheSkinSamples() throws {
        var rig = Fixtures.rig
        let spine3 = try #require(rig.jointIndex("spine3"))
        // An 18 cm square of skin facing forward, samples every 15 mm, far in front of the chest's colliders.
        let front = 0.30
        for i in -6...6 {
            for j in -6...6 {
                let point = Vector3(Double(i) * 0.015, 1.2 + Double(j) * 0.015, front)
                rig.surface.append(SurfacePoint(joint: spine3, offset: point - rig.bindPositions[spine3], normal: Vector3(0, 0, 1)))
            }
        }
        let avatar = try Avatar(rig: rig)
        func check(_ pose: Pose) {
            let world = rig.forward(pose)
            let centre = world.point(Vector3(0, 1.2, front) - rig.bindPositions[spine3], on: spine3)
            let normal = world.orientations[spine3] * Vector3(0, 0, 1)
            let near = avatar.surface.penetration(centre + normal * 0.004, radius: 0.01, world: world)
            #expect(abs(near.depth - 0.006) < 1e-6 && near.way.distance(to: normal) < 1e-6)
            #expect(avatar.surface.penetration(centre + normal * 0.02, radius: 0.01, world: world).depth == 0)
        }
        check(Pose(rest: rig))
        // Turned with the spine, the patch faces the avatar's left.
        var turned = Pose(rest: rig)
        turned.rotations[spine3] = Quaternion(axis: Vector3(0, 1, 0), angle: .pi / 2)
        check(turned)

        // A hand asked to be behind the patch is posed in front of it.
        var right = avatar.restHand(.right)
        right.orientation = HandOrientation.orientation(side: .right, fingers: Vector3(0, 1, 0), palm: Vector3(0, 0, -1))
        right.wrist = Vector3(0.0, 1.15, front - 0.03)
        let posed = rig.forward(avatar.pose(hands: [.right: right]).pose)
        let deepest = avatar.hands[.right]!.volume(in: posed).map { avatar.surface.penetration($0.centre, radius: $0.radius, world: posed).depth }.max()!
        #expect(deepest < 0.001, "\(deepest) m behind the skin")
        #expect(Fixtures.avatar.surface.isEmpty, "a rig without samples keeps to its colliders")
    }

    /// A hand asked to be inside the other forearm (a hand crossing to the other arm, as in ARM) is posed on it, not
    /// through it: the hands are kept out of each other's forearm as they are out of each other.
    @Test func aHandStaysOutOfTheOtherForearm() throws {
        let avatar = Fixtures.avatar, rig = Fixtures.rig
        var left = avatar.restHand(.left)
        left.orientation = HandOrientation.orientation(side: .left, fingers: Vector3(-1, 0, 0), palm: Vector3(0, -1, 0))
        left.wrist = Vector3(0.0, 1.1, 0.3)
        let placed = rig.forward(avatar.pose(hands: [.left: left]).pose)
        let mid = try #require(avatar.forearm(.left, placed).dropFirst(2).first).centre
        var right = avatar.restHand(.right)
        right.orientation = HandOrientation.orientation(side: .right, fingers: Vector3(1, 0, 0), palm: Vector3(0, -1, 0))
        right.wrist = mid - Vector3(0.06, 0, 0)
        let posed = rig.forward(avatar.pose(hands: [.left: left, .right: right]).pose)
        let hand = avatar.hands[.right]!.volume(in: posed), forearm = avatar.forearm(.left, posed)
        let deepest = hand.flatMap { a in forearm.map { a.radius + $0.radius - a.centre.distance(to: $0.centre) } }.max()!
        #expect(deepest < 0.002, "\(deepest * 1000) mm into the forearm")
        // The request itself put the hand's middle in the forearm: the test is not empty.
        let asked = right.wrist + right.orientation * avatar.handCentreOffset(.right)
        #expect(asked.distance(to: mid) < Avatar.forearmRadius, "\(asked) vs \(mid)")
    }

    /// A new handshape inside a sign is a whole new shape: nothing of the old one (a hooked finger, the thumb,
    /// special fingers) stays; a change of orientation alone keeps the shape.
    @Test func handshapeChangeDefinesTheWholeShape() throws {
        let start = #"<handconfig handshape="finger2" bend2="hooked" thumbpos="out" specialfingers="3" extfidir="u" palmor="d"/>"#
            + #"<location_bodyarm location="chest"/>"#
        let changed = try Self.plan(start + #"<tgt_motion><changeposture/><handconfig handshape="flat"/></tgt_motion>"#)
        let flat = HandshapePose.pose(PhonologyNode(.handConfig, [NodeAttribute("handshape", "flat")]))
        #expect(zip(changed.hands[.right]!.last!.fingers.angles, flat.angles).allSatisfy { $0.distance(to: $1) < 1e-9 })

        let turned = try Self.plan(start + #"<tgt_motion><changeposture/><handconfig palmor="l"/></tgt_motion>"#)
        let hand = turned.hands[.right]!
        #expect(zip(hand.last!.fingers.angles, hand.first!.fingers.angles).allSatisfy { $0.distance(to: $1) < 1e-9 })
        #expect(hand.last!.orientation.angle(to: hand.first!.orientation) > 1)

        // A value given without its "between" partner ends the earlier between value.
        func node(_ attributes: [String: String]) -> PhonologyNode {
            PhonologyNode(.handConfig, attributes.sorted { $0.key < $1.key }.map { NodeAttribute($0.key, $0.value) })
        }
        let merged = PostureAttributes.merged(node(["extfidir": "u", "second_extfidir": "uo", "handshape": "flat"]), with: node(["extfidir": "o"]))
        #expect(merged == node(["extfidir": "o", "handshape": "flat"]))
    }

    /// Fingers pointing at the face touch it with the fingertips (the part of the hand nearest the body): the hand
    /// stays in front of the face at the location's height instead of reaching through the head, whose collider
    /// then pushed it up above the head.
    @Test func fingersPointingAtTheBodyTouchWithTheTips() throws {
        let clip = try Self.plan(#"<handconfig handshape="finger2" extfidir="i" palmor="d"/><location_bodyarm location="chin" contact="touch"/>"#)
        let hand = clip.hands[.right]![0], avatar = Fixtures.avatar
        let tip = hand.wrist + hand.orientation * (try avatar.hands[.right]!.locate(HandPart(location: .tip, digit: 2), fingers: hand.fingers).point)
        let chin = try #require(avatar.rig.landmarkPoint("chin", in: avatar.restWorld))
        #expect(tip.distance(to: chin.point) < 0.015)
        #expect(hand.wrist.z > chin.point.z + 0.1 && abs(hand.wrist.y - chin.point.y) < 0.04)
        #expect(avatar.keepOutOfBody(hand, side: .right, world: avatar.restWorld).distance(to: hand.wrist) < 1e-9)
    }
}
