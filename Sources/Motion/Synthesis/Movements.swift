import Foundation
import Lexicon

/// The HamNoSys movement primitives as one hand's ``HandMove``s (directed, circular, wrist, finger play), and repetition.
enum Movements {
    /// `directedmotion`: a straight, curved or zigzag path of `size` in `direction` (signer's view).
    static func directed(_ e: PhonologyNode, timing: Timing, source: String) throws -> HandMove {
        guard let direction = e.direction("direction") else {
            throw MotionError.badSign(source: source, element: "directedmotion@direction", reason: "missing")
        }
        let length = Timing.directedLength(e.value("size"))
        let bulge = e.direction("curve", as: ClockDirection.self).map { $0.rejecting(direction).normalized }
        let curveSize: MovementSize? = e.value("curve_size")
        let bulgeSize = length * (curveSize == .big ? 0.4 : curveSize == .small ? 0.15 : 0.25)
        let zigzag = e["zigzag_style"] != nil ? (e.value("zigzag_size", as: MovementSize.self) == .big ? 0.03 : 0.015) : 0
        let zigzagAxis = direction.anyPerpendicular.cross(direction).normalized
        let scaledDuration = timing.directed / Timing.tempo(e)
        return HandMove(duration: scaledDuration) { start, u in
            let s = minimumJerk(u)
            var state = start
            state.wrist += direction * (length * s)
            if let bulge { state.wrist += bulge * (bulgeSize * sin(.pi * s)) }
            if zigzag > 0 { state.wrist += zigzagAxis * (zigzag * sin(2 * .pi * 3 * s)) }
            return state
        }
    }

    /// `circularmotion`: one or more turns (or a part turn from `start` to `end`) about `axis`, right-hand rule.
    static func circular(_ e: PhonologyNode, timing: Timing, source: String) throws -> HandMove {
        guard let axis = e.direction("axis") else {
            throw MotionError.badSign(source: source, element: "circularmotion@axis", reason: "missing")
        }
        let radius = Timing.circleRadius(e.value("size"))
        var startDir = (e.direction("start", as: ClockDirection.self) ?? Vector3.unitY).rejecting(axis)
        if startDir.length < 1e-6 { startDir = axis.anyPerpendicular }
        startDir = startDir.normalized
        let turns = 1.0 + (e.flag("clockplus") ? 1 : 0) + (e.flag("second_clockplus") ? 1 : 0)
        var sweep = 2 * Double.pi * turns
        if let end = e.direction("end", as: ClockDirection.self)?.rejecting(axis), end.length > 1e-6 {
            var angle = atan2(axis.dot(startDir.cross(end.normalized)), startDir.dot(end.normalized))
            if angle <= 0 { angle += 2 * .pi }
            sweep = angle + 2 * .pi * (turns - 1)
        }
        let side = axis.cross(startDir)
        let duration = timing.circle * sweep / (2 * .pi) / Timing.tempo(e)
        return HandMove(duration: duration, halfCycle: timing.circle / 2 / Timing.tempo(e)) { start, u in
            let theta = sweep * minimumJerk(u)
            var state = start
            // The hand starts on the circle at `startDir` from the centre.
            state.wrist += (startDir * (cos(theta) - 1) + side * sin(theta)) * radius
            return state
        }
    }

    /// `wristmotion`: the hand nods, swings, twists or stirs about the wrist while the wrist stays in place.
    static func wrist(_ e: PhonologyNode, side: Side, timing: Timing, source: String) throws -> HandMove {
        let size: MovementSize? = e.value("size")
        let amplitude = (size == .big ? 30.0 : size == .small ? 12 : 20) * .pi / 180
        let cycles = 2.0
        // Local axes of the hand joint: flexion about z, deviation about y, twist about the finger axis (x).
        let flexAxis = Vector3.unitZ, swingAxis = Vector3.unitY, twistAxis = Vector3.unitX * side.xSign
        guard let kind = e.value("motion", as: WristMotionKind.self) else {
            throw MotionError.badSign(source: source, element: "wristmotion@motion", reason: "missing")
        }
        let duration = timing.wristOrFingers / Timing.tempo(e)
        return HandMove(duration: duration, halfCycle: duration / cycles / 2) { start, u in
            let phase = 2 * .pi * cycles * u
            let envelope = sin(.pi * u)             // fade in and out so the piece starts and ends at rest
            let local: Quaternion
            switch kind {
            case .nodding: local = Quaternion(axis: flexAxis, angle: amplitude * sin(phase) * envelope)
            case .swinging: local = Quaternion(axis: swingAxis, angle: amplitude * sin(phase) * envelope)
            case .twisting: local = Quaternion(axis: twistAxis, angle: 1.6 * amplitude * sin(phase) * envelope)
            case .stircw, .stirccw:
                let sign: Double = kind == .stircw ? 1 : -1
                local = Quaternion(axis: flexAxis, angle: amplitude * sin(phase) * envelope)
                    * Quaternion(axis: swingAxis, angle: sign * amplitude * cos(phase) * envelope)
            }
            var state = start
            state.orientation = start.orientation * local
            return state
        }
    }

    /// `fingerplay`: the selected fingers (default 2–5) flutter one after another and come back.
    static func fingerPlay(_ e: PhonologyNode, timing: Timing) -> HandMove {
        let digits = (e["digits"] ?? "2345").compactMap { $0.wholeNumberValue }.filter { (1...5).contains($0) }
        let amplitude = 25 * Double.pi / 180, cycles = 3.0
        let duration = timing.wristOrFingers / Timing.tempo(e)
        return HandMove(duration: duration, halfCycle: duration / cycles / 2) { start, u in
            var state = start
            for (k, digit) in digits.enumerated() {
                let phase = 2 * .pi * (cycles * u + Double(k) / Double(max(digits.count, 1)))
                let delta = amplitude * 0.5 * (1 - cos(phase)) * sin(.pi * u)
                var joints = state.fingers[digit: digit]
                joints[0].z += delta; joints[1].z += delta * 0.8
                state.fingers[digit: digit] = joints
            }
            return state
        }
    }

    /// `rpt_motion`: `piece` again from its start (once or twice more), on from where it ended (`continue`), or
    /// back and forth; repeats are quicker and may shift by `repetition_baseshift` (mirrored for the other hand
    /// when `mirror`). `swap` (the hands trade roles) is approximated by moving back, like `reverse`. Alternating
    /// hands lag by half a cycle of one performance (one stroke of a to-and-fro).
    static func repeated(_ piece: MotionPiece, _ e: PhonologyNode, dominant: Side, mirror: Bool, timing: Timing) -> MotionPiece {
        let shift = e.direction("repetition_baseshift").map { $0 * 0.05 } ?? .zero
        enum Mode { case fromStart, continuing, toAndFro }
        let repeats: Int, mode: Mode
        switch e.value("repetition", as: Repetition.self) ?? .fromstart {
        case .fromstart: (repeats, mode) = (1, .fromStart)
        case .fromstart_several: (repeats, mode) = (2, .fromStart)
        case .continue: (repeats, mode) = (1, .continuing)
        case .continue_several: (repeats, mode) = (2, .continuing)
        case .reverse, .swap: (repeats, mode) = (1, .toAndFro)
        case .tofroto: (repeats, mode) = (2, .toAndFro)
        }
        let quick = piece.faster(1 / timing.repeatFactor)
        let returnTime = mode == .fromStart ? 0.12 : 0
        let total = piece.duration + Double(repeats) * (quick.duration + returnTime)
        func shifted(_ hands: Hands, _ k: Int) -> Hands {
            var out = hands
            for (side, var s) in hands {
                s.wrist += (side == dominant || !mirror ? shift : shift.mirrored) * Double(k)
                out[side] = s
            }
            return out
        }
        return MotionPiece(duration: total, halfCycle: piece.phaseLag) { start, u in
            var now = u * total
            if now <= piece.duration { return piece.apply(start, now / piece.duration) }
            now -= piece.duration
            var end = piece.apply(start, 1)
            for k in 1...repeats {
                let base = mode == .continuing ? shifted(end, 1) : shifted(start, k)
                let backwards = mode == .toAndFro && k % 2 == 1
                if returnTime > 0 && now <= returnTime { return end.blend(to: base, minimumJerk(now / returnTime)) }
                now -= returnTime
                if now <= quick.duration {
                    let v = now / quick.duration
                    return quick.apply(base, backwards ? 1 - v : v)
                }
                now -= quick.duration
                end = backwards ? base : quick.apply(base, 1)
            }
            return end
        }
    }
}
