import Foundation

/// The states of the hands taking part in a sign.
typealias Hands = [Side: HandState]

/// One hand's movement: duration (seconds) and the state at fraction `u` (0…1), given the state at its start.
struct HandMove {
    var duration: Double
    /// Half the period of a cyclic move (circle, wrist or finger oscillation), seconds; nil for a single stroke.
    var halfCycle: Double? = nil
    var move: (_ start: HandState, _ u: Double) -> HandState
}

/// A stretch of a sign's movement for both hands: how long it takes (seconds) and the hands' states at
/// fraction `u` (0…1) of it, given their states at its start.
struct MotionPiece {
    /// Duration in seconds (before the global speed factor).
    var duration: Double
    /// Half the period of the piece's cycle, seconds, when it is cyclic; nil when it is a stroke.
    var halfCycle: Double? = nil
    /// The states at fraction `u` of the piece, for the start states.
    var apply: (_ start: Hands, _ u: Double) -> Hands

    /// How far the other hand lags behind in an alternating sign: half a cycle, which for a stroke is the whole
    /// stroke (half of a to-and-fro), so that one hand goes while the other comes back.
    var phaseLag: Double { halfCycle ?? duration }

    /// One hand's move performed by `dominant`, and mirrored (through x = 0) by the other hand when `mirror`.
    static func lift(_ m: HandMove, dominant: Side, mirror: Bool) -> MotionPiece {
        MotionPiece(duration: m.duration, halfCycle: m.halfCycle) { start, u in
            var out = start
            if let d = start[dominant] { out[dominant] = m.move(d, u) }
            if mirror, let n = start[dominant.opposite] { out[dominant.opposite] = m.move(n.mirrored, u).mirrored }
            return out
        }
    }

    /// Holds still for `duration` seconds.
    static func hold(_ duration: Double) -> MotionPiece {
        MotionPiece(duration: duration) { start, _ in start }
    }

    /// The pieces one after another, each starting where the previous ended.
    static func sequence(_ pieces: [MotionPiece]) -> MotionPiece {
        guard pieces.count != 1 else { return pieces[0] }
        let total = pieces.reduce(0) { $0 + $1.duration }
        return MotionPiece(duration: total, halfCycle: leadingHalfCycle(pieces)) { start, u in
            var state = start, elapsed = 0.0
            let now = u * total
            for piece in pieces {
                if piece.duration > 0 && now < elapsed + piece.duration {
                    return piece.apply(state, (now - elapsed) / piece.duration)
                }
                state = piece.apply(state, 1)
                elapsed += piece.duration
            }
            return state
        }
    }

    /// The pieces at the same time: displacements and rotations add up, the last finger change wins.
    static func parallel(_ pieces: [MotionPiece]) -> MotionPiece {
        guard pieces.count != 1 else { return pieces[0] }
        let total = pieces.map(\.duration).max() ?? 0
        return MotionPiece(duration: total, halfCycle: leadingHalfCycle(pieces)) { start, u in
            var out = start
            for piece in pieces {
                let local = piece.duration > 0 ? min(1, u * total / piece.duration) : 1
                for (side, s) in piece.apply(start, local) {
                    guard let first = start[side], var state = out[side] else { out[side] = s; continue }
                    state.wrist += s.wrist - first.wrist
                    state.orientation = (s.orientation * first.orientation.inverse) * state.orientation
                    if s.fingers != first.fingers { state.fingers = s.fingers }
                    out[side] = state
                }
            }
            return out
        }
    }

    /// The phase lag of the first piece that moves: a compound movement alternates by its first part.
    private static func leadingHalfCycle(_ pieces: [MotionPiece]) -> Double? {
        pieces.first { $0.duration > 0 }?.phaseLag
    }

    /// The same piece at a different speed (`factor` > 1 is faster).
    func faster(_ factor: Double) -> MotionPiece {
        MotionPiece(duration: duration / factor, halfCycle: halfCycle.map { $0 / factor }, apply: apply)
    }

    /// The piece performed out of phase (HamNoSys alternation, G-SiGML `outofphase`): `lagging`'s hand does
    /// what the other does `phaseLag` seconds later, so the piece lasts that much longer.
    func alternating(lagging side: Side) -> MotionPiece {
        guard duration > 0 else { return self }
        let lag = phaseLag, total = duration + lag, apply = self.apply, duration = self.duration
        return MotionPiece(duration: total) { start, u in
            let now = u * total
            var out = apply(start, min(1, now / duration))
            if let late = apply(start, max(0, now - lag) / duration)[side] { out[side] = late }
            return out
        }
    }
}

/// Minimum-jerk easing 0 → 1 (zero velocity and acceleration at both ends).
@inline(__always) func minimumJerk(_ u: Double) -> Double {
    let t = min(1, max(0, u))
    return t * t * t * (10 - 15 * t + 6 * t * t)
}

extension Hands {
    /// Each hand blended towards `other` (hands missing from either side are kept as they are).
    func blend(to other: Hands, _ t: Double) -> Hands {
        var out = self
        for (side, s) in self { if let o = other[side] { out[side] = s.blend(to: o, t) } }
        return out
    }
}
