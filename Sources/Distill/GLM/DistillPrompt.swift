import Foundation

/// The chat messages that ask a model to condense one passage within a budget.
public enum DistillPrompt {
    /// System and user messages for `text` in `language` under `budget`.
    public static func messages(_ text: String, language: DistillLanguage, budget: Budget) -> [ChatClient.Message] {
        let units = budget.units.map { Int($0.rounded(.down)) }
        let signs = budget.signs.map { Int($0.rounded(.down)) }
        let system: String
        let user: String
        switch language {
        case .chinese:
            let limit = units.map { "不超过\($0)个汉字" } ?? signs.map { "不超过\($0)个词" } ?? ""
            system = "你是手语新闻主播的语义蒸馏助手。把新闻口语压缩成适合手语表达的简洁中文：删去语气词、套话、插入语和重复，保留最重要的信息。不得改变或新增任何数字、人名、地名和否定词。只输出压缩后的中文句子，不要解释。"
            user = "手语时间预算：约\(String(format: "%.1f", budget.seconds))秒，\(limit)。原文：\(text)"
        case .english:
            let limit = units.map { "at most \($0) words" } ?? signs.map { "at most \($0) words" } ?? ""
            system = "You condense broadcast English for a sign-language news avatar. Drop fillers, stock phrases, asides and repetitions; keep the most important facts in short plain sentences. Never change or add a number, a name or a negation. Answer with the condensed English text only."
            user = "Signing budget: about \(String(format: "%.1f", budget.seconds)) seconds, \(limit). Text: \(text)"
        }
        return [ChatClient.Message(role: "system", content: system), ChatClient.Message(role: "user", content: user)]
    }
}
