/// What a passage's condensed text may cost: signing seconds (the hard bound) and rate units (the target).
public struct Budget: Sendable, Codable, Equatable {
    /// Signing time allowed, s; exceeding it would break the lag bound.
    public var seconds: Double
    /// Rate units allowed (characters for Chinese, words for English), nil when the rate is in signs.
    public var units: Double?
    /// Signs allowed, nil when the rate is in characters.
    public var signs: Double?
    /// Signing time allowed once more than the sentences' cores is signed, s; nil means ``seconds``. The lag bound
    /// is there so a core can be signed whole; words beyond it that push the signing late start the next passage
    /// late and cost it its core.
    public var extraSeconds: Double?
    /// Signing time allowed once words of a tier (index into the structure rules' tiers) beyond the whole-lag ones
    /// are signed, s; a tier not listed has ``extraSeconds``. Words of a tier leave later passages the time for
    /// their words of the tiers before it: a modifier here does not cost a later sentence its relative clause.
    public var tierSeconds: [Int: Double]

    /// Creates a budget.
    public init(seconds: Double, units: Double? = nil, signs: Double? = nil, extraSeconds: Double? = nil,
                tierSeconds: [Int: Double] = [:]) {
        self.seconds = seconds
        self.units = units
        self.signs = signs
        self.extraSeconds = extraSeconds
        self.tierSeconds = tierSeconds
    }

    /// The budget for a text with more than its cores, up to words of `tier` (nil: any beyond the whole-lag tiers):
    /// ``seconds`` down to ``extraSeconds`` and that tier's ``tierSeconds``.
    public func forExtras(tier: Int? = nil) -> Budget {
        var budget = self
        budget.seconds = min(seconds, extraSeconds ?? seconds, tier.flatMap { tierSeconds[$0] } ?? .infinity)
        return budget
    }

    /// True when a text of `units` rate units with `estimate` fits.
    public func admits(_ estimate: SigningEstimate, units count: Int) -> Bool {
        estimate.seconds <= seconds + 1e-9 && Double(count) <= (units ?? .infinity) + 1e-9
            && Double(estimate.signs) <= (signs ?? .infinity) + 1e-9
    }
}
