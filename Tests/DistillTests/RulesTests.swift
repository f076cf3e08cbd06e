import Distill
import Testing

@Suite("Embedded distiller: cleaning, protected words, ranking")
struct RulesTests {
    private let roomy = Budget(seconds: 1000, units: 1000)

    @Test func dropsFillersMarkersParentheticalsModifiersAndRepetitions() {
        let distiller = RulesDistiller(analyzer: Fixtures.chinese, estimator: LexiconTimeEstimator(analyzer: Fixtures.chinese))
        let text = distiller.condenseNow("那么，嗯，我们我们进一步（据新华社，周一）支持学生", budget: roomy).text
        #expect(!text.contains("那么") && !text.contains("嗯") && !text.contains("进一步") && !text.contains("新华社"))
        #expect(text.contains("支持学生") && !text.contains("我们我们"))
        let english = ClauseCleaner(analyzer: Fixtures.english)
        #expect(Fixtures.english.join(english.clean("Well, you know, the team is very very good")) == "the team is good")
    }

    @Test func simplifiesTowardTheLexicon() {
        let cleaner = ClauseCleaner(analyzer: Fixtures.chinese)
        #expect(Fixtures.chinese.join(cleaner.clean("中国队开门红")) == "中国队赢了")
    }

    @Test func numbersNamesAndNegationsSurvive() async throws {
        let distiller = RulesDistiller(analyzer: Fixtures.chinese, estimator: LexiconTimeEstimator(analyzer: Fixtures.chinese))
        let kept = distiller.condenseNow("嗯，那么美国总统明天不会访问北京，增长百分之五点二。", budget: roomy)
        for term in ["美国", "不会", "北京", "5.2%"] { #expect(kept.text.contains(term), "\(term) lost: \(kept.text)") }
        let english = RulesDistiller(analyzer: Fixtures.english, estimator: LexiconTimeEstimator(analyzer: Fixtures.english))
        let result = english.condenseNow("Well, the president will not visit Japan, and prices rose 3.5 percent.", budget: roomy)
        for term in ["not", "Japan", "3.5", "percent"] { #expect(result.text.contains(term), "\(term) lost: \(result.text)") }
    }

    @Test func keptClausesKeepTheirProtectedWordsUnderPressure() async throws {
        let analyzer = Fixtures.chinese
        let distiller = RulesDistiller(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let source = try Fixtures.media("news-zh.txt")
        for sentence in source.split(whereSeparator: { "。\n".contains($0) }) {
            let kept = distiller.condenseNow(String(sentence), budget: Budget(seconds: 8, units: 14))
            #expect(kept.estimate.seconds <= 8 + 1e-9 && kept.units <= 14)
            for word in analyzer.words(kept.text) where word.isProtected {
                #expect(sentence.contains(word.text) || Fixtures.digits(String(sentence)).contains(word.text), "\(word.text) is not in the source")
            }
        }
    }

    @Test func ledeAndNumbersOutrankChatter() {
        let ranker = ClauseRanker()
        let analyzer = Fixtures.english
        let fact = ranker.score(analyzer.words("prices rose 3 percent"), position: 1, startsSentence: false, alreadySaid: [])
        let chatter = ranker.score(analyzer.words("he said"), position: 1, startsSentence: false, alreadySaid: [])
        #expect(fact > chatter)
        let repeated = ranker.score(analyzer.words("prices rose"), position: 2, startsSentence: false, alreadySaid: ["prices", "rose"])
        #expect(repeated == 0)
    }
}
