/// Condenses passages with a chat model (GLM-4 or any OpenAI-compatible server), validating every answer and
/// falling back to the embedded rules on a timeout, an HTTP error (429, 5xx), a malformed or invalid answer.
public struct GLMDistiller: PassageDistiller {
    /// The chat client.
    public let client: ChatClient
    /// The answer checks.
    public let validator: AnswerValidator
    /// The fallback.
    public let rules: RulesDistiller

    /// Creates the distiller; `estimator` must be the one the scheduler uses.
    public init(endpoint: ChatEndpoint, analyzer: TextAnalyzer, estimator: any SigningTimeEstimator) {
        client = ChatClient(endpoint: endpoint)
        validator = AnswerValidator(analyzer: analyzer, estimator: estimator)
        rules = RulesDistiller(analyzer: analyzer, estimator: estimator)
    }

    public func condense(_ text: String, budget: Budget, context: String) async -> Condensation {
        let language = validator.analyzer.language
        var failure = "no attempt"
        // The numbers and names the rules keep within this budget: the model must keep them too.
        let fallback = rules.condenseNow(text, budget: budget, context: context)
        var required: [Word] = []
        for word in validator.analyzer.words(fallback.text) where (word.isNumeric || word.isName)
            && !required.contains(where: { $0.text == word.text }) {
            required.append(word)
        }
        for _ in 0...max(0, client.endpoint.retries) {
            do {
                let answer = try await client.complete(DistillPrompt.messages(text, language: language, budget: budget,
                                                                              mustKeep: required.map(\.text)))
                let valid = try validator.validate(answer, source: text, budget: budget, required: required)
                return Condensation(text: valid.text, estimate: valid.estimate,
                                    units: TextUnits.count(valid.text, language: language), backend: "glm")
            } catch let error as DistillError {
                failure = error.description
                if case .timeout = error { break }  // a second slow wait would only add lag
                if case .transport = error, !failure.contains("answer") { break }  // unreachable server
            } catch {
                failure = "\(error)"
            }
        }
        var result = fallback
        result.backend = "rules (glm fallback: \(failure.prefix(160)))"
        return result
    }
}
