import AnchorCore

/// The Distill stage: condenses each passage of a transcript so that its signing, scheduled back to back from
/// the speech, never ends more than `maxLag` seconds after the passage's speech window.
///
/// Each passage may use the time from when the avatar is free (its speech start, or the previous passage's end)
/// to its speech end plus `maxLag`; so a late start leaves a smaller budget and the distiller condenses harder.
/// The rate target adds a unit (or sign) budget with a small carried credit. Whatever the backend answers is
/// re-measured with `estimator`, and replaced by the rules distiller when it breaks the budget; the rules
/// distiller can always answer with an empty passage, so the bound holds by construction.
public struct Distiller: Sendable {
    /// Splits and classifies words.
    public let analyzer: TextAnalyzer
    /// Measures signing time (injectable: the pipeline may pass a Gloss-based one).
    public let estimator: any SigningTimeEstimator
    /// The distiller asked first (rules or GLM).
    public let backend: any PassageDistiller
    /// The embedded distiller, used when the backend's answer breaks the budget.
    public let rules: RulesDistiller
    /// Rate and lag settings.
    public let options: DistillOptions

    /// Creates the stage; by default the estimator is ``LexiconTimeEstimator`` and the backend the rules.
    public init(analyzer: TextAnalyzer, estimator: (any SigningTimeEstimator)? = nil,
                backend: (any PassageDistiller)? = nil, options: DistillOptions) {
        let estimator = estimator ?? LexiconTimeEstimator(analyzer: analyzer)
        self.analyzer = analyzer
        self.estimator = estimator
        rules = RulesDistiller(analyzer: analyzer, estimator: estimator)
        self.backend = backend ?? rules
        self.options = options
    }

    /// Distils a timed transcript; segments are taken in time order and re-cut into sentences
    /// (``SentencePassages``), one passage each.
    public func distill(_ transcript: Transcript, progress: ProgressHandler? = nil) async -> DistilledScript {
        let segments = SentencePassages().cut(transcript.segments.sorted { $0.start < $1.start }, language: analyzer.language)
            .flatMap(storyPassages)
        var passages: [DistilledPassage] = []
        var state = startState()
        // Backwards: the latest each passage may start and still sign its cores (and new time and place), and leave
        // every later one the time for its own, within the lag bound; never before its speech starts (a core longer
        // than its window is cut there anyway). Words beyond a passage's cores must not take that time: a modifier
        // here would otherwise cost a later sentence its subject or verb. Likewise per tier beyond the whole-lag
        // ones: words of a tier (a modifier) end by the time the later passages need for their words of the tiers
        // before it (a relative clause), so what is signed goes by tier over the whole script, not to whichever
        // passage comes first.
        let structure = analyzer.structure
        let extraTiers = structure.tiers.indices.filter {
            $0 > 0 && !structure.usesWholeLag(tier: $0) && !structure.usesWholeLag(tier: $0 - 1) && structure.tiers[$0].name != "drop"
        }
        let starts = latestStarts(segments, throughTiers: [nil] + extraTiers.map { $0 - 1 })
        let latestStarts = starts[0]
        let tierStarts = Dictionary(uniqueKeysWithValues: zip(extraTiers, starts.dropFirst()))
        for (index, segment) in segments.enumerated() {
            let hasNext = index + 1 < segments.count
            passages.append(await passage(for: segment, state: &state, nextStart: hasNext ? segments[index + 1].start : .infinity,
                                          nextLatestStart: hasNext ? latestStarts[index + 1] : nil,
                                          nextTierStarts: hasNext ? tierStarts.mapValues { $0[index + 1] } : [:]))
            progress?(StageProgress(stage: "distilling", completed: Double(index + 1), total: Double(segments.count)))
        }
        let duration = max(transcript.duration, segments.last?.end ?? 0)
        return DistilledScript(language: analyzer.language.rawValue, duration: duration, passages: passages,
                               report: report(passages, duration: duration))
    }

    /// Backwards from the last passage, for each of `tiers`: the latest each passage may start and still sign its
    /// cores (with a tier, also its groups of the tiers up to it) and leave every later one the time for its own,
    /// within the lag bound; never before its speech starts (a core longer than its window is cut there anyway).
    private func latestStarts(_ segments: [TimedText], throughTiers tiers: [Int?]) -> [[Double]] {
        var starts = [[Double]](repeating: [Double](repeating: .infinity, count: segments.count), count: tiers.count)
        for index in segments.indices.reversed() {
            let context = index > 0 ? segments[index - 1].text : ""
            let seconds = rules.coreSeconds(of: segments[index].text, context: context, throughTiers: tiers)
            for (reserve, needed) in seconds.enumerated() {
                let later = index + 1 < segments.count ? starts[reserve][index + 1] : .infinity
                starts[reserve][index] = max(segments[index].start, min(segments[index].end + options.maxLag, later) - needed)
            }
        }
        return starts
    }

    /// The state before the first passage. The avatar starts idle, as if it had been silent for the longest
    /// credit it may carry, so a short opening (or a short script) is not cut to nothing.
    public func startState() -> DistillState {
        DistillState(free: 0, credit: rateAllowance(seconds: options.maxCredit), context: "")
    }

    /// Condenses the next passage (segments in time order) and advances `state`: one step of ``distill(_:progress:)``,
    /// for callers that receive speech a passage at a time (live streams).
    /// - Parameters:
    ///   - nextStart: when the next passage's speech starts (`.infinity`: none follows), nil when not yet known
    ///     (live). Words beyond the cores may run until then, since ending before it delays nothing.
    ///   - nextLatestStart: the latest the next passage may start and still sign its cores, and leave the passages
    ///     after it theirs, within the lag bound (never before its speech starts); nil when not known (live).
    ///     Words beyond this passage's cores end by then.
    ///   - nextTierStarts: per tier beyond the whole-lag ones (index into the structure rules' tiers), the latest
    ///     the next passage may start and still sign, with the passages after it, its groups of the tiers before
    ///     that one; this passage's words of the tier end by then. Empty when not known (live).
    public func passage(for segment: TimedText, state: inout DistillState, nextStart: Double? = nil,
                        nextLatestStart: Double? = nil, nextTierStarts: [Int: Double] = [:]) async -> DistilledPassage {
        let language = analyzer.language
        let start = max(segment.start, state.free)
        let allowance = rateAllowance(seconds: segment.duration) + state.credit
        let hardEnd = segment.end + options.maxLag
        // Where what follows is known (files), words beyond the cores may sign until the later passages need the
        // time; live, they stop at a share of the lag bound, or at the next speech when a pause comes first.
        let extrasEnd = nextLatestStart.map { min(hardEnd, $0) }
            ?? min(hardEnd, max(segment.end + options.maxLag * options.extraLagShare, nextStart ?? -.infinity))
        let budget = Budget(seconds: max(0, hardEnd - start),
                            units: isUnitRate ? allowance : nil, signs: isUnitRate ? nil : allowance,
                            extraSeconds: max(0, extrasEnd - start),
                            tierSeconds: nextTierStarts.mapValues { max(0, $0 - start) })
        var answer = await backend.condense(segment.text, budget: budget, context: state.context)
        var estimate = measure(answer.text)
        if !budget.admits(estimate, units: TextUnits.count(answer.text, language: language)) {
            answer = rules.condenseNow(segment.text, budget: budget, context: state.context)
            answer.backend = "rules (over budget: \(answer.backend))"
            estimate = measure(answer.text)
        }
        let units = TextUnits.count(answer.text, language: language)
        let end = start + estimate.seconds
        if !answer.text.isEmpty {
            state.free = end
            state.context = answer.text
        }
        let used = Double(isUnitRate ? units : estimate.signs)
        state.credit = min(max(0, allowance - used), rateAllowance(seconds: options.maxCredit))
        return DistilledPassage(
            source: segment, text: answer.text, estimate: estimate, signing: TimedText(start: start, end: end, text: answer.text),
            lag: max(0, end - segment.end), sourceUnits: TextUnits.count(segment.text, language: language),
            units: units, backend: answer.backend,
            dropped: DroppedContent.between(source: segment.text, signed: answer.text, analyzer: analyzer))
    }

    /// `passage` cut before each clause that opens a new story: a topic frame (体育方面，) or a clause that is only a
    /// transition marker (另外，, "Meanwhile,"). Recognisers often write a comma where a news item ends, and one
    /// passage holding two stories makes them compete for one budget; each part is timed by its share of the characters.
    func storyPassages(_ passage: TimedText) -> [TimedText] {
        let clauses = ClauseSplitter.clauses(passage.text)
        guard clauses.count > 1 else { return [passage] }
        let opensStory = clauses.indices.map { index -> Bool in
            guard index > 0 else { return false }
            let words = rules.cleaner.clean(clauses[index].text)
            let content = words.filter { $0.kind != .punctuation }
            if content.isEmpty { return true }
            let roles = rules.sentences.analyse(words).roles
            return words.indices.allSatisfy { words[$0].kind == .punctuation || roles[$0] == .topic }
        }
        guard opensStory.contains(true) else { return [passage] }
        let total = Double(max(1, clauses.reduce(0) { $0 + $1.text.count }))
        var parts: [TimedText] = [], texts: [String] = [], done = 0, start = passage.start
        func close() {
            guard !texts.isEmpty else { return }
            let end = passage.start + passage.duration * Double(done) / total
            parts.append(TimedText(start: start, end: end, text: texts.joined(separator: analyzer.language == .chinese ? "" : " ")))
            texts = []
            start = end
        }
        for (index, clause) in clauses.enumerated() {
            if opensStory[index] { close() }
            texts.append(clause.text)
            done += clause.text.count
        }
        close()
        return parts
    }

    private var isUnitRate: Bool {
        if case .unitsPerMinute = options.rate { return true }
        return false
    }

    /// Units (or signs) the target rate allows for `seconds` of speech.
    private func rateAllowance(seconds: Double) -> Double {
        switch options.rate {
        case let .unitsPerMinute(rate), let .signsPerMinute(rate): rate * seconds / 60
        }
    }

    private func measure(_ text: String) -> SigningEstimate {
        text.isEmpty ? SigningEstimate() : (try? estimator.signingTime(of: text)) ?? SigningEstimate(seconds: .infinity)
    }

    /// Rates, compression, retention and lag of `passages` over `duration` seconds of speech.
    public func report(_ passages: [DistilledPassage], duration: Double) -> DistillReport {
        let minutes = max(duration, 1e-9) / 60
        let sourceUnits = Double(passages.reduce(0) { $0 + $1.sourceUnits })
        let units = Double(passages.reduce(0) { $0 + $1.units })
        let signs = Double(passages.reduce(0) { $0 + $1.estimate.signs })
        let lags = passages.map(\.lag)
        return DistillReport(
            unit: analyzer.language.unitName, sourceUnitsPerMinute: sourceUnits / minutes, unitsPerMinute: units / minutes,
            signsPerMinute: signs / minutes, compressionRatio: sourceUnits > 0 ? units / sourceUnits : 1,
            contentRetention: retention(passages), maxLag: lags.max() ?? 0,
            meanLag: lags.isEmpty ? 0 : lags.reduce(0, +) / Double(lags.count),
            skippedPassages: passages.filter { $0.text.isEmpty && $0.sourceUnits > 0 }.count,
            glmPassages: passages.filter { $0.backend == "glm" }.count)
    }

    /// Distinct content words of the source that the condensed text still has, 0–1.
    private func retention(_ passages: [DistilledPassage]) -> Double {
        func content(_ text: String) -> Set<String> {
            Set(analyzer.words(text).filter(\.isContent).map { $0.text.lowercased() })
        }
        let source = content(passages.map(\.source.text).joined(separator: "\n"))
        let kept = content(passages.map(\.text).joined(separator: "\n"))
        return source.isEmpty ? 1 : Double(source.intersection(kept).count) / Double(source.count)
    }
}

/// Where a distillation stands between passages.
public struct DistillState: Sendable, Equatable {
    /// Seconds on the broadcast's clock when the avatar has finished everything scheduled so far. A live caller
    /// may move it later when the signing really starts later (recognition takes time).
    public var free: Double
    /// Rate units (or signs) banked from earlier passages.
    public var credit: Double
    /// The last non-empty condensation, given to the backend as context.
    public var context: String
}
