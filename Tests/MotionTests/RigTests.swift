import Foundation
@testable import Motion
import TestSupport
import Testing

@Suite("The rig file")
struct RigTests {
    @Test func shippedRigIsCompleteAndSymmetric() throws {
        let rig = Fixtures.rig
        for name in ["pelvis", "spine1", "spine2", "spine3", "neck", "head", "clavicle_l", "upperarm_r", "forearm_l", "hand_r",
                     "thumb3_l", "index3_r", "middle1_l", "ring2_r", "pinky3_l"] {
            #expect(rig.jointIndex(name) != nil, "missing joint \(name)")
        }
        let positions = rig.bindPositions
        for (i, joint) in rig.joints.enumerated() where joint.name.hasSuffix("_r") {
            let j = try #require(rig.jointIndex(String(joint.name.dropLast(2)) + "_l"))
            #expect(positions[i].mirrored.distance(to: positions[j]) < 1e-9)
        }
        // Adult proportions: head top ~1.78 m, arm (shoulder to wrist) 0.54 m.
        let head = try #require(rig.jointIndex("head"))
        #expect(abs(positions[head].y + 0.18 - 1.78) < 0.01)
        let shoulder = positions[rig.jointIndex("upperarm_r")!], wrist = positions[rig.jointIndex("hand_r")!]
        #expect(abs(shoulder.distance(to: wrist) - 0.54) < 0.01)
        for control in ["brow_raise_l", "lid_open", "gaze_h", "mouth_open", "head_nod", "head_shake", "head_tilt"] {
            #expect(rig.controls.contains { $0.name == control })
        }
    }

    /// Every location the HamNoSys / G-SiGML vocabulary (and ngt-sigml) uses has a landmark.
    @Test func everyVocabularyLocationHasALandmark() {
        let body = ["head", "headtop", "forehead", "eyebrows", "uppereyelid", "eyes", "lowereyelid", "nose", "nostrils", "ear", "earlobe",
                    "cheek", "upperlip", "lips", "lowerlip", "upperteeth", "lowerteeth",
                    "tongue", "teeth", "chin", "underchin", "neck", "shouldertop", "shoulders", "chest", "stomach", "belowstomach",
                    "neutralspace"]
        for name in body { #expect(Fixtures.rig.landmarks[name] != nil, "no landmark \(name)") }
        for part in ["upperarm", "elbow", "elbowinside", "lowerarm", "wristback", "wristpulse", "palm", "handback", "thumbside",
                     "pinkyside", "thumbball"] {
            for suffix in ["_r", "_l"] { #expect(Fixtures.rig.landmarks[part + suffix] != nil, "no landmark \(part)\(suffix)") }
        }
    }

    @Test func errorsNameLineAndField() {
        let text = "rig test\njoint pelvis - offset 0 1 0 order XYZ limits -10 10 -10 10 -10 10\njoint spine pelvis offset 0 x 0 order XYZ limits 0 0 0 0 0 0\n"
        #expect(throws: MotionError.badRig(path: "t.rig", line: 3, field: "joint.offset.y", reason: "`x` is not a number")) {
            try Rig.parse(text, path: "t.rig")
        }
        #expect(throws: MotionError.self) { try Rig.parse("rig t\njoint a - offset 0 0 0 order XXY limits 0 0 0 0 0 0\n", path: "t.rig") }
        #expect(throws: MotionError.self) { try Rig.parse("rig t\nbone a\n", path: "t.rig") }
        #expect(throws: MotionError.self) { try Rig.load(path: "/nonexistent.rig") }
        // A skin sample: bind-pose point and unit normal, moving with its joint.
        let adult = try! String(contentsOfFile: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path, encoding: .utf8)
        let lines = adult.split(separator: "\n", omittingEmptySubsequences: false).count
        let sampled = try! Rig.parse(adult + "surface spine3 0 1.3 0.12 0 0 1\n", path: "t.rig")
        let spine3 = sampled.jointIndex("spine3")!
        #expect(sampled.surface == [SurfacePoint(joint: spine3, offset: Vector3(0, 1.3, 0.12) - sampled.bindPositions[spine3], normal: Vector3(0, 0, 1))])
        #expect(throws: MotionError.badRig(path: "t.rig", line: lines, field: "surface.normal", reason: "must be a unit vector")) {
            try Rig.parse(adult + "surface spine3 0 1.3 0.12 0 0 2\n", path: "t.rig")
        }
    }
}
