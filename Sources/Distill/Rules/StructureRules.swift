import Foundation

/// The editable rules of the embedded distiller's sentence analysis for one spoken language, read from
/// `Lexicon/spoken/<tag>-structure.txt`: frame words, number joiners and units, secondary-clause markers, time
/// words, and the tiers that order which roles a passage keeps first.
public struct StructureRules: Sendable, Equatable {
    /// Reporting verbs (Chinese words; English lemmas).
    public var reporting: Set<String>
    /// Verbs that only frame a forecast or a count (预计, expect).
    public var hedges: Set<String>
    /// Words that open a frame clause (据, according).
    public var frameStarts: Set<String>
    /// Words that end a topic frame (方面).
    public var topics: Set<String>
    /// Words that join two numbers into one (比, 到, to).
    public var numberJoiners: Set<String>
    /// Words that belong to the number before them (度, 小时, percent).
    public var units: Set<String>
    /// Words that open a secondary clause (如果, which).
    public var secondaryMarkers: Set<String>
    /// Time words besides the class time.
    public var timeWords: Set<String>
    /// Time nouns that head a noun phrase when they follow a noun of it ("opening hours", "election day"), rather
    /// than time the clause; without them, a time word after a noun is the clause's time (男子篮球队昨晚…).
    public var phraseTimeHeads: Set<String>
    /// Linking verbs whose adjective says what the subject is (stay, remain, become: "roads will stay closed"): the
    /// adjective right after one is the predicate with it; English lemmas.
    public var linkingVerbs: Set<String>
    /// One-character suffixes that make a noun of the noun before them when the dictionary lacks the whole word
    /// (员, 者, 队: 消防|员): the two are the phrase's head together.
    public var nounSuffixes: Set<String>
    /// Words before a number that make it approximate or a bound ("about", "more than", 大约): they join the number.
    public var approximators: Set<String>
    /// Measure words that count the noun after them (个, 枚, 名: 四枚金牌, 两千名居民), as opposed to units (度, 小时).
    public var counters: Set<String>
    /// Prepositions of place (near, in, 在): a name in an adjunct they open is a place (when-new), not a core name.
    public var locatives: Set<String>
    /// Time words a bulletin implies (today, 今天, this morning): a time made only of them is an adjunct.
    public var implicitTimes: Set<String>
    /// Units that make a number a time of day (点, 点钟: 上午九点): the clause's time, not a figure of the news.
    public var clockUnits: Set<String>
    /// Predicates that take an infinitive (English lemmas: want, plan, due): the verb after their "to" is a predicate
    /// too; after any other predicate it says why (secondary).
    public var infinitiveTakers: Set<String>
    /// Nouns of quantity whose `of` phrase names what is counted ("the number of customers": customers is the
    /// head the viewer needs); English lemmas.
    public var quantities: Set<String>
    /// Words that close a prepositional phrase and belong to it (从明天开始, 到月底为止, 自去年以来): not a predicate.
    public var adjunctEnds: Set<String>
    /// Light verbs, kept or dropped with their object (有 大雪, make a decision): alone they say nothing.
    public var lightVerbs: Set<String>
    /// Tiers from first kept to last; the first is a sentence's core; roles in a tier named `drop` are never signed.
    public var tiers: [(name: String, roles: Set<WordRole>)]
    /// Names of the tiers whose groups may use the whole lag bound; the others only its share for extras
    /// (``DistillOptions/extraLagShare``), so they do not start the next passage late. Empty: the first tier.
    public var wholeLagTiers: Set<String>

    /// Creates rules.
    public init(reporting: Set<String> = [], hedges: Set<String> = [], frameStarts: Set<String> = [],
                topics: Set<String> = [], numberJoiners: Set<String> = [], units: Set<String> = [],
                secondaryMarkers: Set<String> = [], timeWords: Set<String> = [], phraseTimeHeads: Set<String> = [],
                infinitiveTakers: Set<String> = [], counters: Set<String> = [], linkingVerbs: Set<String> = [],
                approximators: Set<String> = [], nounSuffixes: Set<String> = [],
                quantities: Set<String> = [], locatives: Set<String> = [], implicitTimes: Set<String> = [],
                clockUnits: Set<String> = [],
                adjunctEnds: Set<String> = [], lightVerbs: Set<String> = [], tiers: [(name: String, roles: Set<WordRole>)],
                wholeLagTiers: Set<String> = []) {
        self.reporting = reporting
        self.hedges = hedges
        self.frameStarts = frameStarts
        self.topics = topics
        self.numberJoiners = numberJoiners
        self.units = units
        self.secondaryMarkers = secondaryMarkers
        self.timeWords = timeWords
        self.phraseTimeHeads = phraseTimeHeads
        self.infinitiveTakers = infinitiveTakers
        self.counters = counters
        self.linkingVerbs = linkingVerbs
        self.approximators = approximators
        self.nounSuffixes = nounSuffixes
        self.quantities = quantities
        self.locatives = locatives
        self.clockUnits = clockUnits
        self.implicitTimes = implicitTimes
        self.adjunctEnds = adjunctEnds
        self.lightVerbs = lightVerbs
        self.tiers = tiers
        self.wholeLagTiers = wholeLagTiers
    }

    /// True when groups of tier `index` may use the whole lag bound.
    public func usesWholeLag(tier index: Int) -> Bool {
        wholeLagTiers.isEmpty ? index == 0 : tiers.indices.contains(index) && wholeLagTiers.contains(tiers[index].name)
    }

    /// The tier index of `role` (0 is the core), nil when the role is dropped (or in no tier).
    public func tier(of role: WordRole) -> Int? {
        guard let index = tiers.firstIndex(where: { $0.roles.contains(role) }), tiers[index].name != "drop" else { return nil }
        return index
    }

    public static func == (lhs: StructureRules, rhs: StructureRules) -> Bool {
        lhs.reporting == rhs.reporting && lhs.hedges == rhs.hedges && lhs.frameStarts == rhs.frameStarts
            && lhs.topics == rhs.topics && lhs.numberJoiners == rhs.numberJoiners && lhs.units == rhs.units
            && lhs.secondaryMarkers == rhs.secondaryMarkers && lhs.timeWords == rhs.timeWords
            && lhs.phraseTimeHeads == rhs.phraseTimeHeads && lhs.infinitiveTakers == rhs.infinitiveTakers
            && lhs.counters == rhs.counters && lhs.linkingVerbs == rhs.linkingVerbs
            && lhs.approximators == rhs.approximators && lhs.nounSuffixes == rhs.nounSuffixes
            && lhs.quantities == rhs.quantities && lhs.locatives == rhs.locatives && lhs.clockUnits == rhs.clockUnits
            && lhs.implicitTimes == rhs.implicitTimes
            && lhs.adjunctEnds == rhs.adjunctEnds && lhs.lightVerbs == rhs.lightVerbs
            && lhs.tiers.elementsEqual(rhs.tiers) { $0.name == $1.name && $0.roles == $1.roles }
            && lhs.wholeLagTiers == rhs.wholeLagTiers
    }

    /// Reads `root/spoken/<tag>-structure.txt`.
    /// - Throws: ``DistillError/badData(path:line:reason:)`` naming the file and line of a malformed line, an
    ///   unknown key or role, or a file without tiers.
    public static func load(root: String, language: DistillLanguage) throws -> StructureRules {
        let path = "\(root)/spoken/\(language.spokenTag)-structure.txt"
        var lists: [String: Set<String>] = [:]
        var tiers: [(name: String, roles: Set<WordRole>)] = []
        let keys = ["reporting", "hedge", "frame-start", "topic", "number-joiner", "unit",
                    "secondary", "time", "time-head", "infinitive", "counter", "linking", "approximate", "noun-suffix",
                    "quantity", "adjunct-end", "light-verb", "locative", "implicit-time", "clock", "whole-lag"]
        var wholeLagLine = 0
        for (number, line) in try SpokenRules.records(path) {
            guard let colon = line.firstIndex(of: ":") else {
                throw DistillError.badData(path: path, line: number, reason: "expected 'KEY: words' or 'tier NAME: roles'")
            }
            let key = line[..<colon].trimmed
            let items = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init)
            guard !items.isEmpty else { throw DistillError.badData(path: path, line: number, reason: "nothing after '\(key):'") }
            if key.hasPrefix("tier ") {
                var roles: Set<WordRole> = []
                for item in items {
                    guard let role = WordRole(rawValue: item) else {
                        throw DistillError.badData(path: path, line: number, reason: "'\(item)' is not a role ("
                            + WordRole.allCases.map(\.rawValue).joined(separator: " ") + ")")
                    }
                    roles.insert(role)
                }
                tiers.append((String(key.dropFirst(5)).trimmed, roles))
            } else if keys.contains(key) {
                if key == "whole-lag" { wholeLagLine = number }
                // Several words as one item are joined by "_" ("more_than").
                lists[key, default: []].formUnion(items.map {
                    (language == .english ? $0.lowercased() : $0).replacingOccurrences(of: "_", with: " ") })
            } else {
                throw DistillError.badData(path: path, line: number,
                                           reason: "unknown key '\(key)' (expected \(keys.joined(separator: ", ")) or tier NAME)")
            }
        }
        guard !tiers.isEmpty else { throw DistillError.badData(path: path, line: 0, reason: "no 'tier NAME: roles' lines") }
        if let unknown = lists["whole-lag"]?.first(where: { name in !tiers.contains { $0.name == name } }) {
            throw DistillError.badData(path: path, line: wholeLagLine, reason: "whole-lag: no tier named '\(unknown)'")
        }
        return StructureRules(reporting: lists["reporting"] ?? [], hedges: lists["hedge"] ?? [],
                              frameStarts: lists["frame-start"] ?? [], topics: lists["topic"] ?? [],
                              numberJoiners: lists["number-joiner"] ?? [], units: lists["unit"] ?? [],
                              secondaryMarkers: lists["secondary"] ?? [], timeWords: lists["time"] ?? [],
                              phraseTimeHeads: lists["time-head"] ?? [], infinitiveTakers: lists["infinitive"] ?? [],
                              counters: lists["counter"] ?? [], linkingVerbs: lists["linking"] ?? [],
                              approximators: lists["approximate"] ?? [], nounSuffixes: lists["noun-suffix"] ?? [],
                              quantities: lists["quantity"] ?? [], locatives: lists["locative"] ?? [],
                              implicitTimes: lists["implicit-time"] ?? [], clockUnits: lists["clock"] ?? [],
                              adjunctEnds: lists["adjunct-end"] ?? [],
                              lightVerbs: lists["light-verb"] ?? [], tiers: tiers, wholeLagTiers: lists["whole-lag"] ?? [])
    }
}
