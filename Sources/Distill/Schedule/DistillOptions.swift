/// The target rate: how much signing per minute of speech.
public enum RateTarget: Sendable, Codable, Equatable {
    /// Rate units per minute of speech: Chinese characters, or English words (the product target is 80).
    case unitsPerMinute(Double)
    /// Signs per minute of speech.
    case signsPerMinute(Double)
}

/// The knobs of the rate controller.
public struct DistillOptions: Sendable, Codable, Equatable {
    /// The target rate; default 80 units per minute (sign-facts.md §1: ≈ 0.8–0.9 signs/s).
    public var rate: RateTarget
    /// The hard bound, s: at no segment boundary does the signing end more than this after the speech.
    public var maxLag: Double
    /// Rate credit a quiet stretch may bank for later passages, s of speech at the target rate.
    public var maxCredit: Double
    /// The share of `maxLag` words beyond the sentences' cores may use (0: only the passage's own speech time;
    /// 1: the whole lag) when what follows is not known (live): the lag is for cores, so the next passage is not
    /// started late by extras. Before a pause (or after the last passage) extras may also run until the next
    /// passage's speech starts. Files, where every passage is known, use the time later passages leave instead.
    public var extraLagShare = 0.5

    /// Creates options.
    /// - Throws: ``DistillError/invalidOption(name:reason:)`` for a rate ≤ 0 or a negative lag.
    public init(rate: RateTarget = .unitsPerMinute(80), maxLag: Double = 4, maxCredit: Double = 6) throws {
        switch rate {
        case let .unitsPerMinute(value), let .signsPerMinute(value):
            guard value > 0, value.isFinite else { throw DistillError.invalidOption(name: "rate", reason: "must be above 0") }
        }
        guard maxLag >= 0, maxLag.isFinite else { throw DistillError.invalidOption(name: "max-lag", reason: "must be 0 or more") }
        self.rate = rate
        self.maxLag = maxLag
        self.maxCredit = maxCredit
    }
}
