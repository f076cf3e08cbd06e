import Foundation
import Lexicon

/// A value of a face or head control at a time (seconds from the start of its sign or phrase).
public struct ControlKey: Sendable, Equatable, Codable {
    /// Seconds.
    public var time: Double
    /// Control value in the control's range.
    public var value: Double
}

/// The non-manual tiers of G-SiGML (`head_movement`, `eye_brows`, `eye_lids`, `eye_gaze`, `body_movement`,
/// `shoulder_movement`, `mouth_picture`, `mouth_gesture`) → control curves that run in parallel with the hands:
/// attack 0.25 s, hold, release 0.25 s (the performs defaults), oscillating for nods and shakes.
enum NonManual {
    /// Targets per code: control name → value; `oscillate` marks nods and shakes.
    struct Gesture { var values: [String: Double]; var oscillate = false }

    static let head: [String: Gesture] = [
        "NO": Gesture(values: ["head_nod": 0.5], oscillate: true), "ND": Gesture(values: ["head_nod": 0.5]),
        "NU": Gesture(values: ["head_nod": -0.4]), "SH": Gesture(values: ["head_shake": 0.45], oscillate: true),
        "SL": Gesture(values: ["head_shake": 0.5]), "SR": Gesture(values: ["head_shake": -0.5]),
        "TL": Gesture(values: ["head_tilt": -0.6]), "TR": Gesture(values: ["head_tilt": 0.6]),
        "NF": Gesture(values: ["head_nod": 0.2, "body_lean": 0.3]), "NB": Gesture(values: ["head_nod": -0.2, "body_lean": -0.3]),
        "PF": Gesture(values: ["body_lean": 0.4]), "PB": Gesture(values: ["body_lean": -0.4]),
    ]
    static let brows: [String: Gesture] = [
        "RB": Gesture(values: ["brow_raise_l": 0.8, "brow_raise_r": 0.8]), "RL": Gesture(values: ["brow_raise_l": 0.8]),
        "RR": Gesture(values: ["brow_raise_r": 0.8]), "FU": Gesture(values: ["brow_furrow": 0.8]),
        "DN": Gesture(values: ["brow_furrow": 0.4]),
    ]
    static let lids: [String: Gesture] = [
        "WB": Gesture(values: ["lid_open": 0.8]), "SB": Gesture(values: ["squint": 0.7]), "CB": Gesture(values: ["lid_open": -1]),
        "TB": Gesture(values: ["lid_open": -1, "squint": 1]), "SL": Gesture(values: ["squint": 0.4]), "BB": Gesture(values: ["lid_open": -1], oscillate: true),
    ]
    static let gaze: [String: Gesture] = [
        "DN": Gesture(values: ["gaze_v": -0.6]), "UP": Gesture(values: ["gaze_v": 0.6]), "LE": Gesture(values: ["gaze_h": 0.6]),
        "RI": Gesture(values: ["gaze_h": -0.6]), "LD": Gesture(values: ["gaze_h": 0.5, "gaze_v": -0.5]),
        "RD": Gesture(values: ["gaze_h": -0.5, "gaze_v": -0.5]), "AD": Gesture(values: [:]), "HC": Gesture(values: ["gaze_v": -0.4]),
    ]
    static let body: [String: Gesture] = [
        "ST": Gesture(values: [:]), "TF": Gesture(values: ["body_lean": 0.5]), "TB": Gesture(values: ["body_lean": -0.5]),
        "TL": Gesture(values: ["body_tilt": -0.5]), "TR": Gesture(values: ["body_tilt": 0.5]),
        "RL": Gesture(values: ["body_turn": 0.5]), "RR": Gesture(values: ["body_turn": -0.5]),
        "SI": Gesture(values: ["shoulder_raise_l": 0.3, "shoulder_raise_r": 0.3, "body_lean": -0.1]),
    ]
    static let shoulders: [String: Gesture] = [
        "UB": Gesture(values: ["shoulder_raise_l": 0.8, "shoulder_raise_r": 0.8]), "UL": Gesture(values: ["shoulder_raise_l": 0.8]),
        "UR": Gesture(values: ["shoulder_raise_r": 0.8]), "HB": Gesture(values: ["shoulder_raise_l": 0.5, "shoulder_raise_r": 0.5, "body_lean": 0.2]),
        "HL": Gesture(values: ["shoulder_raise_l": 0.5]), "HR": Gesture(values: ["shoulder_raise_r": 0.5]),
        "SB": Gesture(values: ["shoulder_raise_l": 0.6, "shoulder_raise_r": 0.6], oscillate: true),
        "SL": Gesture(values: ["shoulder_raise_l": 0.6], oscillate: true), "SR": Gesture(values: ["shoulder_raise_r": 0.6], oscillate: true),
        "ND": Gesture(values: ["body_lean": 0.25]), "NU": Gesture(values: ["body_lean": -0.25]), "PB": Gesture(values: ["body_lean": -0.3]),
    ]
    /// Mouth gestures by the first letter of their code: L lips, C cheeks, T tongue, D teeth, J jaw.
    static let mouthGesture: [Character: [String: Double]] = [
        "L": ["lips_press": 0.6, "mouth_round": 0.3], "C": ["cheek_puff": 0.8], "T": ["tongue_out": 0.6, "mouth_open": 0.3],
        "D": ["mouth_wide": 0.5, "mouth_open": 0.2], "J": ["mouth_open": 0.6],
    ]

    /// All control curves of a sign's non-manual tiers (and the items in them) over a sign of `duration` seconds,
    /// with its mouthing (``SignDescription/mouthing``, else its `mouth_picture`) when the avatar mouths.
    static func curves(_ sign: SignDescription, duration: Double, mouthing: Mouthing?, rig: Rig) throws -> [String: [ControlKey]] {
        let source = sign.source
        var out: [String: [ControlKey]] = [:]
        // A sign with a mouth gesture (a mouth morpheme: puffed cheeks, tongue) shows that instead of mouthing a word.
        let gesture = sign.phonology.nonManual.flatMap(\.allNodes).contains { $0.kind == .mouthGesture }
        if let mouthing, let visemes = sign.mouthing, !gesture { merge(&out, mouthing.curves(visemes, duration: duration, rig: rig)) }
        for item in sign.phonology.nonManual.flatMap(\.allNodes) {
            let code = item["movement"] ?? item["direction"] ?? ""
            let table: [String: Gesture]?
            switch item.kind {
            case .headMovement: table = head
            case .eyeBrows: table = brows
            case .eyeLids: table = lids
            case .eyeGaze: table = gaze
            case .bodyMovement: table = body
            case .shoulderMovement: table = shoulders
            case .mouthPicture:
                if let mouthing, sign.mouthing == nil {
                    merge(&out, mouthing.curves(mouthing.sampa.visemes(item["picture"] ?? ""), duration: duration, rig: rig))
                }
                continue
            case .mouthGesture:
                guard let first = code.first, let values = mouthGesture[first] ?? (code == "sad" ? ["mouth_wide": -0, "lips_press": 0.3] : nil) else {
                    throw MotionError.badSign(source: source, element: "mouth_gesture@movement", reason: "unknown mouth gesture \(code)")
                }
                merge(&out, envelope(Gesture(values: values), amount: 1, duration: duration)); continue
            default: continue
            }
            guard let gesture = table?[code] else {
                throw MotionError.badSign(source: source, element: "\(item.kind.rawValue)@movement", reason: "unknown code \(code)")
            }
            let amount = item["amount"].flatMap(Double.init).map { $0 / 0.5 } ?? 1
            merge(&out, envelope(gesture, amount: min(amount, 1.5), duration: duration))
        }
        return out
    }

    private static func merge(_ out: inout [String: [ControlKey]], _ add: [String: [ControlKey]]) {
        for (name, keys) in add { out[name, default: []].append(contentsOf: keys); out[name]!.sort { $0.time < $1.time } }
    }

    /// Attack 0.25 s, hold, release 0.25 s (shortened to fit), or three oscillations for nods and shakes.
    static func envelope(_ g: Gesture, amount: Double, duration: Double) -> [String: [ControlKey]] {
        let ramp = min(0.25, duration / 3)
        var out: [String: [ControlKey]] = [:]
        for (name, value) in g.values {
            let v = value * amount
            if g.oscillate {
                let steps = 12
                out[name] = (0...steps).map { i in
                    let t = Double(i) / Double(steps)
                    return ControlKey(time: t * duration, value: v * sin(2 * .pi * 2 * t) * sin(.pi * t))
                }
            } else {
                out[name] = [ControlKey(time: 0, value: 0), ControlKey(time: ramp, value: v),
                             ControlKey(time: duration - ramp, value: v), ControlKey(time: duration, value: 0)]
            }
        }
        return out
    }
}
