import AnchorCore
import Distill
import Testing

/// How the sentence analysis reads constructions news uses often (sentences written for these tests).
@Suite("Sentence structure: phrases closed by 开始, verbs in a row, coordinated verbs, continuations, likelihood nouns")
struct StructureTests {
    /// Each word of `text` (one clause) with the role the analysis gives it.
    private func roles(_ text: String, _ analyzer: TextAnalyzer) -> [String: WordRole] {
        let words = ClauseCleaner(analyzer: analyzer).clean(text)
        let analysis = SentenceAnalyzer(rules: analyzer.structure, classifier: analyzer.classifier, language: analyzer.language,
                                        numberWords: analyzer.rules.numberWords).analyse(words)
        var result: [String: WordRole] = [:]
        for (word, role) in zip(words, analysis.roles) { if let role { result[word.text] = role } }
        return result
    }

    @Test func aPhraseClosedBy开始IsNotThePredicate() {
        let read = roles("地铁从下周开始延长运营时间。", Fixtures.chinese)
        #expect(read["开始"] != .predicate)
        #expect(read["延长"] == .predicate)
        #expect(read["下周"] == .time)
    }

    @Test func ofVerbsInARowTheLastCarriesTheNews() {
        let read = roles("医生提醒老人注意防暑降温。", Fixtures.chinese)
        #expect(read["降温"] == .predicate)
        #expect(read["注意"] != .predicate)
        #expect(read["老人"] == .subjectHead)
    }

    @Test func aLightVerbGoesWithItsObject() {
        for (text, verb, object, analyzer) in [("部分地区有大雪。", "有", "大雪", Fixtures.chinese),
                                               ("The court will make a decision next week.", "make", "decision", Fixtures.english)] {
            let words = ClauseCleaner(analyzer: analyzer).clean(text)
            let analysis = SentenceAnalyzer(rules: analyzer.structure, classifier: analyzer.classifier, language: analyzer.language,
                                            numberWords: analyzer.rules.numberWords).analyse(words)
            let at = { (word: String) in words.firstIndex { $0.text == word }! }
            #expect(analysis.roles[at(verb)] == .predicate)
            #expect(analysis.groups[at(verb)] == analysis.groups[at(object)], "\(text)")
        }
    }

    /// A misrecognised 到校 (道向) after 一小时: the stray measure word is neither the number's nor a head.
    @Test func aStrayMeasureWordIsNotANumbersUnitOrAHead() {
        let read = roles("中小学推迟一小时道向。", Fixtures.chinese)
        #expect(read["道"] != .number && read["道"] != .objectHead && read["道"] != .subjectHead)
        #expect(roles("比赛持续了两个小时。", Fixtures.chinese)["小时"] == .number)
    }

    /// The date of a report goes with its frame; the news keeps its own time, and a time expression stays whole.
    @Test func aReportsDateIsFrameAndTimeExpressionsStayWhole() {
        let read = roles("City officials announced on Tuesday that the bridge will open next spring.", Fixtures.english)
        #expect(read["Tuesday"] == .frame)
        #expect(read["spring"] == .time && read["bridge"] == .subjectHead)
        let analyzer = Fixtures.english
        let words = ClauseCleaner(analyzer: analyzer).clean("The council will meet again next month.")
        let analysis = SentenceAnalyzer(rules: analyzer.structure, classifier: analyzer.classifier, language: analyzer.language,
                                        numberWords: analyzer.rules.numberWords).analyse(words)
        let at = { (word: String) in words.firstIndex { $0.text == word }! }
        #expect(analysis.groups[at("next")] == analysis.groups[at("month")])
    }

    @Test func everyYearIsATimeNotASubject() {
        let read = roles("新机场每年接待四千万名旅客。", Fixtures.chinese)
        #expect(read["每年"] == .time)
        #expect(read["机场"] == .subjectHead)
    }

    @Test func aVerbCoordinatedWithThePredicateHasItsOwnObject() {
        let read = roles("Drivers should slow down and avoid flooded roads.", Fixtures.english)
        #expect(read["avoid"] == .predicate)
        #expect(read["roads"] == .objectHead)
        let advice = roles("People should keep drains clear and to avoid driving through standing water.", Fixtures.english)
        #expect(advice["avoid"] == .predicate)
        #expect(advice["driving"] == .objectHead)
    }

    /// "for children and adults": the second noun is part of the adjunct, not an object of the clause.
    @Test func aNounCoordinatedInsideAnAdjunctBelongsToIt() {
        let read = roles("The museum will open a new hall for schools and families.", Fixtures.english)
        #expect(read["schools"] == .adjunct)
        #expect(read["families"] == .adjunct)
        #expect(read["hall"] == .objectHead)
        // A verb after the coordinator still starts a predicate of its own.
        #expect(roles("Drivers should stay at home and avoid flooded roads.", Fixtures.english)["avoid"] == .predicate)
    }

    /// An attributive modifier is signed only with its noun: "low" without "areas", 年轻 without 守门员, says nothing.
    @Test func aModifierNamesTheNounItDescribes() {
        let english = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let lines = english.explain("Officials expect flooding in low lying areas near the old harbour.").split(separator: "\n")
        #expect(lines.contains { $0.contains("[low/") && $0.hasSuffix("→ areas") }, "\(lines)")
        #expect(lines.contains { $0.contains("[old/") && $0.hasSuffix("→ harbour") }, "\(lines)")
        let chinese = RulesDistiller(analyzer: Fixtures.chinese, estimator: LexiconTimeEstimator(analyzer: Fixtures.chinese))
        let zh = chinese.explain("主教练表扬了年轻的守门员。").split(separator: "\n")
        #expect(zh.contains { $0.contains("[年轻/") && $0.hasSuffix("→ 守门员") }, "\(zh)")
    }

    /// "its opening hours": a listed time noun closing a noun phrase is its head; other time words after a noun
    /// ("the budget Tuesday", 男子篮球队昨晚) still time the clause.
    @Test func aTimeWordAfterANounHeadsThePhrase() {
        let read = roles("The library will extend its opening hours during the summer.", Fixtures.english)
        #expect(read["hours"] == .objectHead)
        #expect(read["opening"] == .modifier)
        #expect(read["summer"] == .time)
        let dated = roles("The council approved the budget Tuesday.", Fixtures.english)
        #expect(dated["budget"] == .objectHead)
        #expect(dated["Tuesday"] == .time)
        let zh = roles("中国男子篮球队昨晚战胜日本队。", Fixtures.chinese)
        #expect(zh["昨晚"] == .time)
    }

    /// An infinitive after a predicate that takes none says why (secondary); after "want", "is due" or a
    /// coordinated "and to" it is a predicate of the core.
    @Test func aPurposeInfinitiveIsSecondary() {
        let purpose = roles("The council will meet next month to review the budget.", Fixtures.english)
        #expect(purpose["meet"] == .predicate)
        #expect(purpose["review"] == .verb)
        #expect(purpose["budget"] == .object)
        let wanted = roles("The city wants to build a new bridge.", Fixtures.english)
        #expect(wanted["build"] == .predicate)
        #expect(wanted["bridge"] == .objectHead)
        let due = roles("The bridge is due to open in spring.", Fixtures.english)
        #expect(due["open"] == .predicate)
        let coordinated = roles("Drivers should slow down and to avoid flooded roads.", Fixtures.english)
        #expect(coordinated["avoid"] == .predicate)
        // The purpose's verb is signed only with its object: a bare "review" says nothing.
        let english = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let lines = english.explain("The council will meet next month to review the budget.").split(separator: "\n")
        #expect(lines.contains { $0.contains("[review/") && $0.hasSuffix("→ budget") }, "\(lines)")
    }

    /// Readings found wrong on news written for a held-out check (2026-12-08): a negating determiner, a linking
    /// verb's adjective, a plural subject first in the clause, an approximate number, a counted noun, and a verb
    /// describing a noun inside a Chinese adjunct.
    @Test func heldOutReadings() throws {
        let none = roles("Officials said no one was injured.", Fixtures.english)
        #expect(none["no"] == .negation)
        let closed = roles("Several roads will stay closed until Friday.", Fixtures.english)
        #expect(closed["stay"] == .predicate)
        #expect(closed["closed"] == .predicate)
        let coaches = roles("Coaches praised the swimmers.", Fixtures.english)
        #expect(coaches["Coaches"] == .subjectHead)
        #expect(coaches["praised"] == .predicate)
        let about = roles("The fire forced about two thousand people to leave.", Fixtures.english)
        #expect(about["about"] == .number)
        #expect(about["people"] == .number)
        let medals = roles("国家游泳队在罗马举行的锦标赛上获得四枚金牌。", Fixtures.chinese)
        #expect(medals["金牌"] == .number)
        #expect(medals["举行"] == .adjunct)
        #expect(medals["获得"] == .predicate)
        // 消防员, which the word list lacks, split before its suffix: noun and suffix are the head together.
        let words = ClauseCleaner(analyzer: Fixtures.chinese).clean("消防员控制了大火。")
        let analysis = SentenceAnalyzer(rules: Fixtures.chinese.structure, classifier: Fixtures.chinese.classifier,
                                        language: .chinese, numberWords: Fixtures.chinese.rules.numberWords).analyse(words)
        let suffix = try #require(words.firstIndex { $0.text == "员" }, "jieba's list now has 消防员: pick a word it lacks")
        #expect(words[suffix - 1].text == "消防")
        #expect(analysis.groups[suffix - 1] == analysis.groups[suffix])
    }

    /// Readings a second held-out set of news (not in the repository) found wrong; sentences written for this test.
    @Test func secondHeldOutReadings() {
        // A noun-or-verb word between names, or before an object, is the verb.
        let beat = roles("Leeds United beat Chelsea 3-2 at home.", Fixtures.english)
        #expect(beat["beat"] == .predicate)
        #expect(beat["3-2"] == .number)
        #expect(beat["Leeds"] == .name && beat["United"] == .name, "a name of several words is one name")
        // A time of day is the clause's time, not a figure.
        let clock = roles("The ferry left Dover at ten past seven.", Fixtures.english)
        #expect(clock["ten"] == .time && clock["seven"] == .time)
        let say = roles("Scientists in Chile say a large comet is coming.", Fixtures.english)
        #expect(say["say"] == .frame)
        #expect(say["comet"] == .subjectHead)
        // "will not close": the auxiliary reads through the adverb; the negation goes with its verb.
        let close = roles("The company will not close its Derby factory.", Fixtures.english)
        #expect(close["close"] == .predicate)
        #expect(close["not"] == .negation)
        #expect(close["Derby"] == .modifier, "a name describing the head noun is not a core of its own")
        #expect(close["factory"] == .objectHead)
        // A reduced relative clause ("bound for York") describes the noun; the later verb is the predicate, and a
        // name inside an adjunct is a place.
        let bus = roles("A coach bound for York crashed near Selby this morning.", Fixtures.english)
        #expect(bus["crashed"] == .predicate)
        #expect(bus["bound"] != .predicate)
        #expect(bus["Selby"] == .place)
        #expect(bus["York"] == .modifier || bus["York"] == .name, "for is no preposition of place")
        // A finite verb right after the object opens a clause of its own.
        let show = roles("Data published today show unemployment rose to 5 percent.", Fixtures.english)
        #expect(show["rose"] == .predicate)
        #expect(show["published"] != .predicate)
        // "people living near X and Y will be able to …": the -ing participle describes the noun; "able to" takes its
        // infinitive as a predicate with its object.
        let able = roles("Pupils travelling between Leeds and York will be able to buy cheaper tickets.", Fixtures.english)
        #expect(able["travelling"] != .predicate)
        #expect(able["able"] == .predicate && able["buy"] == .predicate && able["tickets"] == .objectHead)
        // A time the bulletin implies ("this morning", 今天上午) is an adjunct; another time stays new.
        let implied = roles("Police closed the road this morning.", Fixtures.english)
        #expect(implied["morning"] == .adjunct)
        let landfall = roles("台风预计今天夜间登陆。", Fixtures.chinese)
        #expect(landfall["夜间"] == .time)
        #expect(roles("今天上午，医院正式开业。", Fixtures.chinese)["上午"] == .adjunct)
        // The time of a relative clause dates that detail, not the news.
        let opened = roles("which opened on Monday,", Fixtures.english)
        #expect(opened["Monday"] == .adjunct)
        // First in a clause, a capitalised word before another is a name, not a verb ("James" → jam).
        let james = roles("James Smith said.", Fixtures.english)
        #expect(james["James"] != .predicate)
        // Chinese: a verb whose phrase ends in 的 describes the noun after it; 一处 is "a"; a clock time is a time;
        // a decimal split by the word list is one number; a name split into characters is one name.
        let crane = roles("昨天下午四点，一处工地的吊车发生倒塌，没有人受伤。", Fixtures.chinese)
        #expect(crane["吊车"] == .subjectHead)
        #expect(crane["倒塌"] == .predicate)
        #expect(crane["一处"] == .function)
        #expect(crane["四点"] == .time)
        let built = roles("在建大楼的吊车倒塌。", Fixtures.chinese)
        #expect(built["在建"] == .modifier)
        #expect(built["倒塌"] == .predicate)
        let rise = roles("收入增长百分之五点二。", Fixtures.chinese)
        #expect(rise["百分之五点二"] == .number)
        let named = roles("教练张子涵表示满意。", Fixtures.chinese)
        #expect(named["张子涵"] != nil, "\(named)")
    }

    /// Noun phrases set off by commas before a reporting verb are who said it, not cores of their own.
    @Test func anAppositiveBeforeAReportingVerbIsTheSpeaker() {
        let distiller = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let lines = distiller.explain("The education minister, Anna Berg, said the new school would open in May.")
            .split(separator: "\n")
        #expect(lines.contains { $0.contains("speaker") && $0.contains("minister") }, "\(lines)")
        #expect(lines.contains { $0.contains("speaker") && $0.contains("Berg") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("    core subject-head [school") }, "\(lines)")
        let after = distiller.explain("Schools will reopen on Monday, the mayor, Tom Reed, said.").split(separator: "\n")
        #expect(after.contains { $0.contains("speaker") && $0.contains("Reed") }, "\(after)")
    }

    @Test func theRiskOfSomethingIsAboutThatThing() {
        let read = roles("There is a risk of flooding in the valley.", Fixtures.english)
        #expect(read["flooding"] == .subjectHead)
        #expect(read["risk"] == .modifier)
        // A verbless fragment opened by a preposition is about the phrase after it; a later phrase stays an adjunct.
        let fragment = roles("with the possibility of flooding in low lying areas.", Fixtures.english)
        #expect(fragment["flooding"] == .subjectHead)
        #expect(fragment["areas"] == .adjunct)
    }

    /// A verbless piece after a comma continues the clause before it: "parks and public pools" is more of the
    /// budget's purpose, not a sentence core of its own.
    @Test func aVerblessPieceAfterACommaIsNoCoreOfItsOwn() {
        let distiller = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let lines = distiller.explain("The council will review the budget for libraries, parks and public pools.")
            .split(separator: "\n").filter { $0.contains("[parks") || $0.contains("[pools") || $0.contains("[budget") }
        #expect(lines.count == 3)
        for line in lines where !line.contains("[budget") { #expect(!line.hasPrefix("    core"), "\(line)") }
        #expect(lines.contains { $0.contains("[budget") && $0.hasPrefix("    core") })
    }
}

/// Recogniser windows and subtitle cues re-cut at sentence ends, timed by interpolation.
@Suite("Sentence passages")
struct SentencePassageTests {
    @Test func aSentenceSplitAcrossWindowsIsJoinedAndTheNextOneStartsWhereItWasSaid() {
        let windows = [TimedText(start: 0, end: 4, text: "The bridge will open early next"),
                       TimedText(start: 4, end: 6, text: "spring. Rain is expected on Sunday.")]
        let passages = SentencePassages().cut(windows, language: .english)
        #expect(passages.map(\.text) == ["The bridge will open early next spring.", "Rain is expected on Sunday."])
        // "spring." is 7 of the second window's 35 characters.
        #expect(abs(passages[0].end - (4 + 2 * 7 / 35.0)) < 1e-9)
        #expect(passages[0].start == 0 && passages[1].end == 6)
        #expect(passages[1].start > passages[0].end && passages[1].start < passages[0].end + 0.2)
    }

    @Test func sentencesInOneSegmentBecomeSeparatePassages() {
        let passages = SentencePassages().cut([TimedText(start: 10, end: 14, text: "今天下雨。明天下雪。")], language: .chinese)
        #expect(passages == [TimedText(start: 10, end: 12, text: "今天下雨。"), TimedText(start: 12, end: 14, text: "明天下雪。")])
    }

    /// A recogniser's comma where a news item ends: a topic frame or a lone transition opens a passage of its own,
    /// timed by its share of the characters.
    @Test func aNewStoryStartsANewPassage() async throws {
        let text = "市政府宣布，明天起地铁延长运营时间，体育方面，中国女子排球队以三比零战胜巴西队。"
        let transcript = Transcript(language: "zh", duration: 12, segments: [TimedText(start: 0, end: 12, text: text)])
        let script = await (try Fixtures.distiller(Fixtures.chinese)).distill(transcript)
        #expect(script.passages.map(\.source.text) == ["市政府宣布，明天起地铁延长运营时间，", "体育方面，中国女子排球队以三比零战胜巴西队。"])
        #expect(abs(script.passages[1].source.start - 12 * 18 / 40.0) < 1e-9 && script.passages[1].source.end == 12)
        let english = Transcript(language: "en", duration: 8, segments: [TimedText(
            start: 0, end: 8, text: "Schools will reopen on Monday, meanwhile, heavy rain is expected in the north.")])
        let passages = await (try Fixtures.distiller(Fixtures.english)).distill(english).passages
        #expect(passages.map(\.source.text) == ["Schools will reopen on Monday,", "meanwhile, heavy rain is expected in the north."])
    }

    @Test func silencesAndLengthCutUnpunctuatedSpeech() {
        let apart = SentencePassages().cut([TimedText(start: 0, end: 2, text: "heavy rain in the north"),
                                            TimedText(start: 5, end: 7, text: "schools stay closed")], language: .english)
        #expect(apart.map(\.text) == ["heavy rain in the north", "schools stay closed"])
        let windows = (0..<30).map { TimedText(start: Double($0), end: Double($0 + 1), text: "word number \($0)") }
        let passages = SentencePassages().cut(windows, language: .english)
        #expect(passages.count > 1)
        #expect(passages.allSatisfy { $0.duration <= SentencePassages().longest + 1 })
        #expect(passages.map(\.text).joined(separator: " ") == windows.map(\.text).joined(separator: " "))
    }
}
