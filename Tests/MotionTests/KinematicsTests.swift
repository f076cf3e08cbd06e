import Foundation
import Lexicon
@testable import Motion
import Testing

@Suite("Quaternions, Euler angles and arm IK")
struct KinematicsTests {
    @Test func eulerRoundTripAllOrders() throws {
        var generator = SystemRandomNumberGenerator()
        for text in ["XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"] {
            let order = try #require(EulerOrder(text))
            for _ in 0..<200 {
                let a = Vector3(Double.random(in: -3...3, using: &generator), Double.random(in: -1.5...1.5, using: &generator),
                                Double.random(in: -3...3, using: &generator))
                var angles = Vector3.zero
                angles[order.axes.0] = a.x; angles[order.axes.1] = a.y; angles[order.axes.2] = a.z
                let q = order.quaternion(angles)
                #expect(order.quaternion(order.angles(q)).angle(to: q) < 1e-9)
            }
        }
    }

    @Test func rotationBasics() {
        let q = Quaternion(axisIndex: 2, angle: .pi / 2)
        let v = q * Vector3(1, 0, 0)
        #expect(v.distance(to: Vector3(0, 1, 0)) < 1e-12)
        let shortest = Quaternion(from: Vector3(0, 0, 1), to: Vector3(0, 1, 0))
        #expect((shortest * Vector3(0, 0, 1)).distance(to: Vector3(0, 1, 0)) < 1e-12)
        let (twist, swing) = (Quaternion(axisIndex: 1, angle: 0.3) * Quaternion(axisIndex: 0, angle: 0.7)).swingTwist(axis: .unitX)
        #expect(abs(twist - 0.7) < 1e-9)
        #expect(swing.angle(to: Quaternion(axisIndex: 1, angle: 0.3)) < 1e-9)
        #expect(q.slerp(to: .identity, 0.5).angle(to: Quaternion(axisIndex: 2, angle: .pi / 4)) < 1e-9)
    }

    /// Random targets in the signing space (in front of the body, shoulder to waist, moved into reach): the wrist
    /// lands on them (mean under 1 mm; within 1.5 cm where the shoulder's limits bind) and no joint passes a limit.
    @Test func armIKReachesSigningSpace() throws {
        let avatar = Fixtures.avatar, rig = avatar.rig
        var worst = 0.0, total = 0.0
        var generator = SystemRandomNumberGenerator()
        for side in Side.allCases {
            let ik = try ArmIK(rig: rig, side: side)
            for _ in 0..<500 {
                var pose = Pose(rest: rig)
                let shoulder = rig.forward(pose).positions[ik.upperarm]
                let target = ik.reachable(Vector3(side.xSign * Double.random(in: -0.1...0.35, using: &generator),
                                                  Double.random(in: 1.05...1.6, using: &generator),
                                                  Double.random(in: 0.2...0.45, using: &generator)), shoulder: shoulder)
                let orientation = HandOrientation.orientation(side: side, fingers: Vector3(0, 0.5, 1).normalized, palm: Vector3(-side.xSign, 0, 0))
                ik.solve(&pose, rig: rig, target: target, handOrientation: orientation)
                let wrist = rig.forward(pose).positions[ik.hand]
                worst = max(worst, wrist.distance(to: target))
                total += wrist.distance(to: target)
                for i in pose.rotations.indices { #expect(rig.joints[i].limitExcess(pose.rotations[i]) < 1e-6) }
            }
        }
        print("arm IK wrist error over 1000 signing-space targets: mean \(String(format: "%.3f", total)) mm, worst \(String(format: "%.2f", worst * 1000)) mm")
        #expect(total / 1000 < 0.001)
        #expect(worst < 0.015)
    }

    /// Fingers straight out (`extfidir=o`) in neutral space point straight out while the sign holds, not towards the
    /// midline: the elbow may creep frame by frame from where it landed during the approach to the solution that
    /// turns the hand as asked.
    @Test func fingersOutPointStraightOut() throws {
        let sign = try SignPlanningTests.sign(#"<handconfig handshape="flat" extfidir="o" palmor="d"/>"#)
        let (track, _) = try Animator(avatar: Fixtures.avatar).animate([.sign(sign)])
        let rig = Fixtures.rig, hand = rig.jointIndex("hand_r")!, span = try #require(track.spans.first)
        var worst = 0.0
        for f in Int((span.start + 0.3) * track.fps)...Int(span.end * track.fps) {
            let fingers = HandOrientation.directions(side: .right, orientation: rig.forward(track.pose(f)).orientations[hand]).fingers
            worst = max(worst, acos(min(1, fingers.dot(Vector3(0, 0, 1)))))
        }
        #expect(worst < 3 * Double.pi / 180, "fingers \(Int(worst * 180 / .pi))° off straight out")
    }

    @Test func handOrientationFollowsHamNoSys() {
        // Fingers up, palm "d" → palm faces away from the signer.
        let palm = HandOrientation.palmDirection(fingers: Vector3(0, 1, 0), palmCode: Vector3(0, -1, 0))
        #expect(palm.distance(to: Vector3(0, 0, 1)) < 1e-9)
        let q = HandOrientation.orientation(side: .right, fingers: Vector3(0, 1, 0), palm: palm)
        let (f, p) = HandOrientation.directions(side: .right, orientation: q)
        #expect(f.distance(to: Vector3(0, 1, 0)) < 1e-9 && p.distance(to: Vector3(0, 0, 1)) < 1e-9)
    }

    /// Handshapes bend the right fingers: a fist's fingertips are near the palm, a flat hand's far from it,
    /// finger2 extends only the index; the left hand is the mirror image.
    @Test func handshapesShapeTheFingers() throws {
        let rig = Fixtures.rig, avatar = Fixtures.avatar
        func tipDistances(_ shape: Handshape, side: Side = .right) throws -> [Double] {
            let fingers = HandshapePose.pose(PhonologyNode(.handConfig, [NodeAttribute("handshape", shape.rawValue)]))
            let geometry = avatar.hands[side]!
            let palm = try geometry.locate(.palm, fingers: fingers).point
            return try (2...5).map { try geometry.locate(HandPart(location: .tip, digit: $0), fingers: fingers).point.distance(to: palm) }
        }
        let flat = try tipDistances(.flat), fist = try tipDistances(.fist), index = try tipDistances(.finger2)
        #expect(flat.allSatisfy { $0 > 0.09 })
        #expect(fist.allSatisfy { $0 < 0.06 })
        #expect(index[0] > 0.09 && index[1...].allSatisfy { $0 < 0.06 })
        #expect(zip(try tipDistances(.finger2, side: .left), index).allSatisfy { abs($0 - $1) < 1e-9 })
        for shape in Handshape.allCases {
            let fingers = HandshapePose.pose(PhonologyNode(.handConfig, [NodeAttribute("handshape", shape.rawValue)]))
            for (joint, rotation) in fingers.rotations(rig: rig, side: .right) {
                #expect(rig.joints[joint].limitExcess(rotation) < 1e-9, "\(shape) bends \(rig.joints[joint].name) past its limit")
            }
        }
    }
}
