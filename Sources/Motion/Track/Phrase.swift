import Foundation

/// What to animate: signs in order, fingerspelled words, and pauses at boundaries.
public enum PhraseItem: Sendable, Equatable {
    /// One sign.
    case sign(SignDescription)
    /// Letters spelled at about 3 per second, the last held longer.
    case fingerspelling([SignDescription])
    /// The signs of one number (digits, 十, 百, a score's joiner) in a row: a sign without movement is held briefly,
    /// as signers run through a number's digits, the last held longer; a sign with a movement keeps it.
    case number([SignDescription])
    /// A pause of this many seconds (before the speed factor), e.g. at a sentence boundary.
    case pause(Double)

    /// True for a pause.
    public var isPause: Bool {
        if case .pause = self { true } else { false }
    }

    /// Gloss spans the animator makes for the item: one per sign or letter, none for a pause.
    public var spanCount: Int {
        switch self {
        case .sign: 1
        case let .fingerspelling(letters): letters.count
        case let .number(signs): signs.count
        case .pause: 0
        }
    }
}

/// A hand's planned states on the phrase's clock, never empty: it starts at rest at time 0.
struct HandTimeline {
    /// Times (seconds, increasing) and states.
    private(set) var times: [Double]
    private(set) var states: [HandState]

    init(rest: HandState) {
        times = [0]
        states = [rest]
    }

    /// Keeps the last state until `time`, when the timeline ends before it.
    mutating func hold(until time: Double) {
        if times[times.count - 1] < time { append(time, last) }
    }

    mutating func append(_ time: Double, _ state: HandState) {
        if let last = times.last, time <= last { times[times.count - 1] = time; states[states.count - 1] = state; return }
        times.append(time); states.append(state)
    }

    /// The state at `time`, interpolated between neighbouring keys.
    func sample(_ time: Double) -> HandState {
        guard let first = times.first, time > first else { return states[0] }
        guard time < times[times.count - 1] else { return states[states.count - 1] }
        var lo = 0, hi = times.count - 1
        while hi - lo > 1 { let mid = (lo + hi) / 2; if times[mid] <= time { lo = mid } else { hi = mid } }
        let t = (time - times[lo]) / (times[hi] - times[lo])
        return states[lo].blend(to: states[hi], t)
    }

    var last: HandState { states[states.count - 1] }
}

/// Piecewise-linear interpolation of control keys; 0 before the first and after the last.
func sampleControl(_ keys: [ControlKey], _ time: Double) -> Double {
    guard let first = keys.first, let last = keys.last, time >= first.time, time <= last.time else { return 0 }
    var value = 0.0
    for (a, b) in zip(keys, keys.dropFirst()) where a.time <= time && time <= b.time {
        value += b.time > a.time ? a.value + (b.value - a.value) * (time - a.time) / (b.time - a.time) : b.value
        break
    }
    return value
}
