import Foundation

/// The chat messages that ask a model to condense one passage to its key facts within a budget.
public enum DistillPrompt {
    /// System and user messages for `text` in `language` under `budget`; `mustKeep` lists the numbers and names
    /// the answer has to contain (the validator rejects an answer without them).
    public static func messages(_ text: String, language: DistillLanguage, budget: Budget,
                                mustKeep: [String] = []) -> [ChatClient.Message] {
        let units = budget.units.map { Int($0.rounded(.down)) }
        let signs = budget.signs.map { Int($0.rounded(.down)) }
        let system: String
        let user: String
        switch language {
        case .chinese:
            let limit = units.map { "不超过\($0)个汉字" } ?? signs.map { "不超过\($0)个词" } ?? ""
            let keep = mustKeep.isEmpty ? "" : "必须原样保留：\(mustKeep.joined(separator: "、"))。"
            system = "你是手语新闻主播的语义蒸馏助手。把新闻口语压缩成适合手语表达的简洁中文，保留关键事实：谁（主语）、做了什么（谓语，含否定）、对什么（宾语）、数字及其单位和比分、人名地名机构名、新出现的时间和地点。先删去报道框架（某某说、据……统计）、话题框架（体育方面）、状语、定语、重复和次要分句。数字、人名、地名和否定词不得改变、增加或改写（数字照原文写法）。只输出压缩后的中文，不要解释。"
            user = "手语时间预算：约\(String(format: "%.1f", budget.seconds))秒，\(limit)。\(keep)原文：\(text)"
        case .english:
            let limit = units.map { "at most \($0) words" } ?? signs.map { "at most \($0) words" } ?? ""
            let keep = mustKeep.isEmpty ? "" : "Keep exactly: \(mustKeep.joined(separator: ", ")). "
            system = "You condense broadcast English for a sign-language news avatar. Keep the key facts: who (the subject), did what (the verb, with any negation), to what (the object), numbers with their units and scores, names, and a new time or place. Drop first: reporting frames (\"officials said\"), topic frames, adjuncts, attributive modifiers, repetitions and secondary clauses. Never change, add or reword a number, a name or a negation (write numbers as the source does). Answer with the condensed English text only."
            user = "Signing budget: about \(String(format: "%.1f", budget.seconds)) seconds, \(limit). \(keep)Text: \(text)"
        }
        return [ChatClient.Message(role: "system", content: system), ChatClient.Message(role: "user", content: user)]
    }
}
