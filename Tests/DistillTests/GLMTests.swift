import Distill
import Foundation
import Testing

@Suite("GLM distiller: answer validation and endpoint configuration")
struct GLMTests {
    private let source = "国家统计局昨天发布数据，今年前三个季度国内生产总值增长百分之五。"
    private let budget = Budget(seconds: 30, units: 40)
    private let goodAnswer = "统计局说，经济增长百分之五。"

    @Test func inventedNumbersAndOverBudgetAnswersAreRejected() throws {
        let analyzer = Fixtures.chinese
        let validator = AnswerValidator(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        #expect(throws: DistillError.self) { try validator.validate(goodAnswer, source: source, budget: Budget(seconds: 1)) }
        #expect(throws: DistillError.self) { try validator.validate("统计局说，经济增长百分之九十九。", source: source, budget: budget) }
        #expect(throws: DistillError.self) { try validator.validate("Statistics grew five percent.", source: source, budget: budget) }
        #expect(throws: DistillError.self) { try validator.validate("统计局说，经济没有增长。", source: source, budget: budget) }
        #expect(try validator.validate("「\(goodAnswer)」", source: source, budget: budget).text == goodAnswer)
    }

    @Test func answersDroppingWhatTheRulesKeepAreRejected() throws {
        let analyzer = Fixtures.chinese
        let validator = AnswerValidator(analyzer: analyzer, estimator: LexiconTimeEstimator(analyzer: analyzer))
        let required = analyzer.words("国家统计局增长百分之五").filter { $0.isNumeric || $0.isName }
        #expect(!required.isEmpty)
        #expect(throws: DistillError.self) { try validator.validate("统计局说，经济增长了。", source: source, budget: budget, required: required) }
        // A shortened name (统计局 for 国家统计局) still keeps it.
        #expect(try validator.validate(goodAnswer, source: source, budget: budget, required: required).text == goodAnswer)
    }

    @Test func noEndpointUnlessConfigured() {
        #expect(ChatEndpoint.configured(url: nil, model: nil, apiKey: "k", environment: [:]) == nil)
        let zhipu = ChatEndpoint.configured(url: nil, model: nil, apiKey: nil,
                                            environment: ["SIGNANCHOR_GLM_URL": "zhipu", "SIGNANCHOR_GLM_KEY": "k"])
        #expect(zhipu?.url == "https://open.bigmodel.cn/api/paas/v4/chat/completions" && zhipu?.model == "glm-4-flash")
        #expect(zhipu?.apiKey == "k")
        let local = ChatEndpoint.configured(url: "http://127.0.0.1:8000/v1/", model: "glm4", apiKey: nil, environment: [:])
        #expect(local?.url == "http://127.0.0.1:8000/v1/chat/completions" && local?.model == "glm4")
    }
}
