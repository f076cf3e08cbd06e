import Distill
import Foundation
import Lexicon
import Testing

/// News-style sentences written for these tests (not the dev texts), each with what its core must keep: the
/// subject's head, the predicate with its negation, the object's head and every number with its unit or score.
enum CoreCases {
    static let chinese: [(String, [String])] = [
        ("中国女子排球队以三比零战胜巴西队。", ["排球队", "三比零", "战胜", "巴西"]),
        ("国家统计局表示，上月全国居民消费价格上涨百分之二点一。", ["价", "上涨", "百分之二点一"]),
        ("受大风影响，首都机场今天取消了三十个航班。", ["机场", "取消", "三十个", "航班"]),
        ("气象台预计，明天南方地区气温将下降六到八度。", ["气温", "下降", "六到八度"]),
        ("市政府没有批准这个建设项目。", ["政府", "没有", "批准", "项目"]),
        ("警方说，这起事故没有造成人员伤亡。", ["事故", "没有", "造成", "伤亡"]),
        ("今年第一季度全国粮食产量增长百分之三。", ["产量", "增长", "百分之三"]),
        ("据卫生部门统计，本周流感病例增加了两千例。", ["病例", "增加", "两千例"]),
        ("中国足球队昨晚在客场以一比二负于韩国队。", ["足球队", "一比二", "负于", "韩国"]),
        ("铁路部门决定从下周一起增开二十趟列车。", ["增开", "二十趟", "列车"]),
        ("新的规定不适用于小型企业。", ["规定", "不", "适用", "企业"]),
        ("今年的春节假期共有七天。", ["假期", "有", "七天"]),
        ("这家工厂去年生产了五万辆汽车。", ["工厂", "生产", "五万辆", "汽车"]),
        ("考古学家在河南发现了一座古代城市。", ["考古学家", "发现", "城市"]),
        ("公司宣布，明年将裁员百分之十。", ["裁员", "百分之十"]),
        ("暴雨导致三条高速公路暂时封闭。", ["暴雨", "导致", "三条", "高速公路"]),
        ("政府不会提高个人所得税。", ["政府", "不会", "提高", "所得税"]),
        ("全国共有一千二百万名考生参加高考。", ["考生", "一千二百万名", "参加", "高考"]),
        ("中国代表团在本届亚运会上获得二百枚金牌。", ["代表团", "获得", "二百枚", "金牌"]),
        ("新机场每年可以接待四千万名旅客。", ["机场", "接待", "四千万名", "旅客"]),
        ("这次地震没有引发海啸。", ["地震", "没有", "引发", "海啸"]),
        ("外交部发言人说，双方将在下个月举行会谈。", ["双方", "举行", "会谈"]),
        ("股市今天下跌了百分之一点五。", ["股市", "下跌", "百分之一点五"]),
        ("市政府计划在五年内种植一百万棵树。", ["种植", "一百万棵", "树"]),
        ("主队最终以九十八比九十二赢得比赛。", ["主队", "九十八比九十二", "赢得", "比赛"]),
        ("学校周五下午停课半天。", ["学校", "停课", "半天"]),
        ("消防员从火场救出四名儿童。", ["消防员", "救出", "四名", "儿童"]),
        ("博物馆去年接待了两百万名游客。", ["博物馆", "接待", "两百万名", "游客"]),
        ("蔬菜价格比上月上涨了一倍。", ["价格", "上涨", "一倍"]),
        ("这家银行不再提供现金服务。", ["银行", "不再", "提供", "服务"]),
        ("航空公司去年运送旅客四千万人次。", ["航空公司", "运送", "旅客", "四千万人次"]),
        ("台风造成五千户居民停电。", ["台风", "造成", "五千户", "停电"]),
    ]

    static let english: [(String, [String])] = [
        ("The national team beat Brazil three to one on Sunday.", ["team", "beat", "Brazil", "three to one"]),
        ("Consumer prices rose 2.1 percent last month, the statistics office said.", ["prices", "rose", "2.1 percent"]),
        ("The airport cancelled thirty flights because of strong winds.", ["airport", "cancelled", "thirty flights"]),
        ("Forecasters said temperatures in the south will fall by six degrees tomorrow.", ["temperatures", "fall", "six degrees"]),
        ("The city council did not approve the new stadium.", ["council", "not", "approve", "stadium"]),
        ("The hospital will not accept new patients this week.", ["hospital", "not", "accept", "patients"]),
        ("Grain production increased 3 percent in the first quarter.", ["production", "increased", "3 percent"]),
        ("The new bridge is twelve kilometres long.", ["bridge", "twelve kilometres"]),
        ("Health officials counted two thousand new flu cases this week.", ["officials", "counted", "two thousand", "cases"]),
        ("The typhoon will reach the coast on Thursday.", ["typhoon", "reach", "coast"]),
        ("The railway company will add twenty trains next week.", ["company", "add", "twenty trains"]),
        ("The new rules do not apply to small businesses.", ["rules", "not", "apply"]),
        ("The factory produced fifty thousand cars last year.", ["factory", "produced", "fifty thousand cars"]),
        ("Archaeologists discovered an ancient city in Egypt.", ["Archaeologists", "discovered", "city"]),
        ("The company announced that it will cut 10 percent of its jobs.", ["cut", "10 percent"]),
        ("Three highways were closed after heavy rain.", ["Three highways", "closed"]),
        ("The government will not raise income taxes.", ["government", "not", "raise", "taxes"]),
        ("Twelve million students took the exam this year.", ["Twelve million students", "took", "exam"]),
        ("The delegation won two hundred gold medals at the games.", ["delegation", "won", "two hundred", "medals"]),
        ("The earthquake did not cause a tsunami.", ["earthquake", "not", "cause", "tsunami"]),
        ("Stocks fell 1.5 percent on Monday.", ["Stocks", "fell", "1.5 percent"]),
        ("The home team won the final 98 to 92.", ["team", "won", "final", "98 to 92"]),
        ("Schools will close early on Friday.", ["Schools", "close"]),
        ("The minister never signed the agreement.", ["minister", "never", "signed", "agreement"]),
        ("Firefighters rescued four people from the burning building.", ["Firefighters", "rescued", "four people"]),
        ("The museum received two million visitors in 2023.", ["museum", "received", "two million visitors", "2023"]),
        ("Vegetable prices have doubled since January.", ["prices", "doubled"]),
        ("The president met the German chancellor in Paris on Tuesday.", ["president", "met", "chancellor", "Paris"]),
        ("The airline carried 40 million passengers last year.", ["airline", "carried", "40 million passengers"]),
        ("The storm left 5,000 homes without power.", ["storm", "left", "5,000 homes"]),
        ("Local farmers lost half of their harvest to the drought.", ["farmers", "lost", "half"]),
        ("The central bank did not change its interest rate.", ["bank", "not", "change", "rate"]),
        ("The city spent the money on forty five electric buses and eighty five bikes.", ["city", "spent", "money", "eighty five bikes"]),
        ("The new line will cost two hundred and thirty million dollars.", ["line", "cost", "two hundred and thirty million dollars"]),
    ]
}

@Suite("Embedded distiller: sentence cores survive, numbers stay whole, negations stay with their verbs")
struct CoreSentenceTests {
    /// A budget just above what the expected core costs: enough for the core, too little for the whole sentence.
    private func coreBudget(_ terms: [String], _ analyzer: TextAnalyzer) -> Budget {
        let text = terms.joined(separator: analyzer.language == .chinese ? "" : " ")
        let estimate = LexiconTimeEstimator(analyzer: analyzer).signingTime(of: text)
        return Budget(seconds: estimate.seconds * 1.5 + 0.3 * Double(terms.count) + 2.0,
                      units: Double(TextUnits.count(text, language: analyzer.language) + 6))
    }

    private func keeps(_ text: String, _ term: String, _ language: DistillLanguage) -> Bool {
        // The distiller writes Chinese numbers in Arabic digits (六到八度 → 6到8度): compare both spellings.
        guard language == .english else { return text.contains(term) || text.contains(Fixtures.digits(term)) }
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == ",") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,")) }.joined(separator: " ")
        return (" " + words + " ").contains(" " + term.lowercased() + " ")
    }

    @Test(arguments: [DistillLanguage.chinese, .english])
    func coresSurviveWhenTheBudgetAllowsThem(language: DistillLanguage) {
        let analyzer = language == .chinese ? Fixtures.chinese : Fixtures.english
        let cases = language == .chinese ? CoreCases.chinese : CoreCases.english
        #expect(cases.count >= 30)
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        for (sentence, core) in cases {
            let budget = coreBudget(core, analyzer)
            let kept = distiller.condenseNow(sentence, budget: budget)
            #expect(budget.admits(kept.estimate, units: kept.units))
            for term in core { #expect(keeps(kept.text, term, language), "'\(term)' lost: \(sentence) → \(kept.text)") }
        }
    }

    /// At every budget from nothing to the whole sentence, a number is kept whole or not at all, and a kept
    /// predicate keeps its negation.
    @Test(arguments: [DistillLanguage.chinese, .english])
    func numbersStayWholeAndNegationsStayWithTheirVerbs(language: DistillLanguage) {
        let analyzer = language == .chinese ? Fixtures.chinese : Fixtures.english
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let wholes: [(String, [String])] = language == .chinese
            ? [("中国队在决赛中以四比一战胜日本队，比赛持续了两个小时。", ["四比一", "两个小时"]),
               ("今年全国经济增长百分之五点二，失业率下降到百分之五。", ["百分之五点二", "百分之五"]),
               ("市政府昨天表示，今年不会提高公交票价。", ["不会提高"])]
            : [("The home side won the cup final four goals to one after two hours of play.", ["four goals to one", "two hours"]),
               ("The economy grew 2.5 percent this year, and unemployment fell to 5 percent.", ["2.5 percent", "5 percent"]),
               ("The city said on Monday that it would not raise bus fares this year.", ["not raise"]),
               ("The city spent the money on forty five buses and two hundred and thirty bikes.", ["forty five buses", "two hundred and thirty bikes"])]
        for (sentence, groups) in wholes {
            let full = LexiconTimeEstimator(analyzer: analyzer).signingTime(of: sentence).seconds
            for step in 0...24 {
                let fraction = Double(step) / 24
                let budget = Budget(seconds: full * fraction, units: Double(TextUnits.count(sentence, language: language)) * fraction)
                let kept = distiller.condenseNow(sentence, budget: budget).text
                for group in groups {
                    let parts = analyzer.words(group).filter { $0.isContent || $0.isNegation }
                    let present = parts.filter { keeps(kept, $0.text, language) }
                    let whole = keeps(kept, group, language)
                    if group.contains("不") || group.contains("not") {
                        // The verb without its negation would say the opposite.
                        let verb = parts.last!.text
                        #expect(!keeps(kept, verb, language) || whole, "'\(verb)' kept without its negation: \(kept)")
                    } else {
                        // Its leading numeral signed means the whole number is (the unit or score is not lost).
                        guard let leading = parts.first(where: { $0.kind == .number || $0.wordClass == .number }) else {
                            Issue.record("'\(group)' has no number word")
                            continue
                        }
                        #expect(whole || !present.contains(leading), "'\(group)' split: \(kept)")
                    }
                }
            }
        }
    }

    @Test func framesAndModifiersGoBeforeTheCore() {
        let analyzer = Fixtures.chinese
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let kept = distiller.condenseNow("体育方面，组委会说，中国女子冰球队在首场比赛中以四比一战胜对手。",
                                         budget: coreBudget(["冰球队", "四比一", "战胜", "对手"], analyzer)).text
        for term in ["冰球队", "四比一", "战胜", "对手"] { #expect(keeps(kept, term, .chinese), "\(term) lost: \(kept)") }
        for frame in ["体育", "组委会", "首场"] { #expect(!kept.contains(frame), "\(frame) kept before the core: \(kept)") }
        let english = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let text = english.condenseNow("The organisers said the women's hockey team won its opening match four goals to one.",
                                       budget: coreBudget(["team", "won", "match", "four goals to one"], Fixtures.english)).text
        for term in ["team", "won", "four goals to one"] { #expect(keeps(text, term, .english), "\(term) lost: \(text)") }
        #expect(!keeps(text, "organisers", .english) && !keeps(text, "said", .english), "frame kept: \(text)")
    }

    /// With room for one sentence's core only, the other sentence goes whole rather than both losing half.
    @Test func wholeSentencesGoWhenTheBudgetIsBelowEveryCore() {
        let analyzer = Fixtures.chinese
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let core = "中国队三比一战胜日本队"
        let budget = Budget(seconds: LexiconTimeEstimator(analyzer: analyzer).signingTime(of: core).seconds + 2.0,
                            units: Double(TextUnits.count(core, language: .chinese) + 2))
        let kept = distiller.condenseNow("中国队以三比一战胜日本队。天气很好。", budget: budget).text
        for term in ["三比一", "战胜", "日本"] { #expect(keeps(kept, term, .chinese), "\(term) lost: \(kept)") }
        #expect(!kept.contains("天气"))
    }

    /// When only part of the best core fits: the object (to whom) before a name that only modifies the subject, and
    /// nothing rather than a subject about which nothing is said.
    @Test func aPartialCoreSaysSomethingAboutItsSubject() {
        let analyzer = Fixtures.chinese
        let estimator = LexiconTimeEstimator(analyzer: analyzer)
        let distiller = RulesDistiller(analyzer: analyzer, estimator: estimator)
        let sentence = "中国男子篮球队以八十五比七十九战胜日本队。"
        let partial = "篮球队85比79战胜日本队。"
        let budget = Budget(seconds: try! estimator.signingTime(of: partial).seconds + 0.05)
        #expect(try! estimator.signingTime(of: "中国" + partial).seconds > budget.seconds, "the whole core must not fit")
        let kept = distiller.condenseNow(sentence, budget: budget).text
        #expect(kept.contains("日本"), "\(kept)")
        #expect(!kept.contains("中国"), "\(kept)")
        let lone = Budget(seconds: try! estimator.signingTime(of: "地区。").seconds + 0.05)
        #expect(distiller.condenseNow("部分地区有中到大雪。", budget: lone).text == "")
        // A second predicate comes with its object or not at all: never a bare "avoid".
        let english = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let advice = "Residents should keep drains clear and avoid driving through standing water."
        let first = try! LexiconTimeEstimator(analyzer: Fixtures.english).signingTime(of: "residents keep drains avoid.").seconds
        let short = english.condenseNow(advice, budget: Budget(seconds: first + 0.05)).text.lowercased()
        #expect(short.contains("drains"), "\(short)")
        #expect(short.contains("avoid") == short.contains("driving"), "\(short)")
    }

    /// New time and place may use the whole lag, as the core does (whole-lag in the structure file); modifiers only
    /// the share for extras.
    @Test func aNewTimeMayUseTheWholeLag() {
        let analyzer = Fixtures.chinese
        let estimator = LexiconTimeEstimator(analyzer: analyzer)
        let distiller = RulesDistiller(analyzer: analyzer, estimator: estimator)
        let core = try! estimator.signingTime(of: "中小学推迟1小时。").seconds
        let withTime = try! estimator.signingTime(of: "周一中小学推迟1小时。").seconds
        let budget = Budget(seconds: withTime + 0.05, extraSeconds: core + 0.05)
        let kept = distiller.condenseNow("周一全市中小学推迟一小时到校。", budget: budget).text
        #expect(kept.contains("周一") && kept.contains("推迟"), "\(kept)")
        #expect(!kept.contains("全市"), "\(kept)")
    }

    /// At every budget from the core up, a modifier whose noun is not signed is not signed either ("flooding low").
    @Test func aModifierIsNotSignedWithoutItsNoun() {
        let analyzer = Fixtures.english
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let sentence = "Flooding is expected in low lying areas."
        let core = distiller.condenseNow(sentence, budget: Budget(seconds: 100, extraSeconds: 0))
        #expect(core.text.lowercased().contains("flooding"), "\(core.text)")
        var low = false
        for step in 0...40 {
            let kept = distiller.condenseNow(sentence, budget: Budget(seconds: core.estimate.seconds + Double(step) * 0.1)).text.lowercased()
            #expect(!kept.contains("low") || kept.contains("areas"), "\(kept)")
            low = low || kept.contains("low")
        }
        #expect(low, "the modifier is signed once its noun is")
    }

    /// A verb whose subject and object would both be spelled is not signed alone: the spelled subject is part of
    /// the core ("welcomed" alone for "the zoo welcomed an elephant" says nothing).
    @Test func aVerbIsNotSignedWithoutSubjectOrObject() {
        let analyzer = Fixtures.english
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let sentence = "The zoo welcomed an elephant."
        let core = distiller.condenseNow(sentence, budget: Budget(seconds: distiller.coreSeconds(of: sentence) + 0.05, extraSeconds: 0))
        #expect(core.text.lowercased().contains("zoo"), "\(core.text)")
        // With less time than that core the sentence goes whole rather than as a bare verb.
        let short = distiller.condenseNow(sentence, budget: Budget(seconds: distiller.coreSeconds(of: sentence) - 0.3)).text
        #expect(short.lowercased() != "welcomed.", "\(short)")
    }

    @Test func malformedRuleFilesNameFileAndLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("distill-rules-\(UUID().uuidString)")
        let spoken = root.appendingPathComponent("spoken")
        try FileManager.default.createDirectory(at: spoken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let structure = spoken.appendingPathComponent("en-structure.txt")
        try "# comment\nreporting: say\nhedge expect\n".write(to: structure, atomically: true, encoding: .utf8)
        #expect(throws: DistillError.badData(path: structure.path, line: 3, reason: "expected 'KEY: words' or 'tier NAME: roles'")) {
            try StructureRules.load(root: root.path, language: .english)
        }
        try "reporting: say\ntier core: predicate subject-hed\n".write(to: structure, atomically: true, encoding: .utf8)
        do {
            _ = try StructureRules.load(root: root.path, language: .english)
            Issue.record("an unknown role was accepted")
        } catch let DistillError.badData(path, line, reason) {
            #expect(path == structure.path && line == 2 && reason.contains("subject-hed"))
        }
        try "tier core: predicate\ntier extra: modifier\nwhole-lag: core sooner\n".write(to: structure, atomically: true, encoding: .utf8)
        #expect(throws: DistillError.badData(path: structure.path, line: 3, reason: "whole-lag: no tier named 'sooner'")) {
            try StructureRules.load(root: root.path, language: .english)
        }
        let classes = spoken.appendingPathComponent("en-classes.txt")
        try "determiner: the a\nadverbial: very\n".write(to: classes, atomically: true, encoding: .utf8)
        do {
            _ = try WordClassifier.load(root: root.path, language: .english)
            Issue.record("an unknown class was accepted")
        } catch let DistillError.badData(path, line, reason) {
            #expect(path == classes.path && line == 2 && reason.contains("adverbial"))
        }
    }

    @Test func partsOfSpeechComeFromTheDictionaries() {
        let chinese = Fixtures.chinese.words("主教练表扬了年轻的守门员")
        #expect(chinese.first { $0.text == "表扬" }?.wordClass == .verb)
        #expect(chinese.first { $0.text == "年轻" }?.wordClass == .adjective)
        let english = Fixtures.english.words("the team won its opening match")
        #expect(english.first { $0.text == "won" }?.wordClass == .verb)
        #expect(english.first { $0.text == "match" }?.wordClass == .noun)
        #expect(Fixtures.english.classifier.verbLemma("won") == "win")
    }
}
