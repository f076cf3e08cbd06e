extension SignLanguageInfo {
    /// Reads a `language.txt`: `code`, `name`, `spoken`, `categories`, `fingerspelling` and optionally `mouthing`,
    /// one `key: value` per line.
    /// - Throws: ``LexiconError/invalid(_:)`` naming the line and field of every problem.
    static func parse(_ text: TextLines, file: String, folderName: String) throws -> SignLanguageInfo {
        var issues = text.badLines.map { LexiconIssue(file: file, line: $0, field: "encoding", message: "not valid UTF-8") }
        var values: [String: String] = [:]
        let required = ["code", "name", "spoken", "categories", "fingerspelling"], known = required + ["mouthing"]
        for (index, line) in text.lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            guard let (key, value) = splitField(line), known.contains(String(key)) else {
                issues.append(LexiconIssue(file: file, line: index + 1, field: "syntax",
                                           message: "expected one of \(known.joined(separator: ", ")) as 'key: value'"))
                continue
            }
            values[String(key)] = String(value)
        }
        func list(_ key: String) -> [String] {
            (values[key] ?? "").split(separator: ",").map { String(trimmed($0)) }.filter { !$0.isEmpty }
        }
        for key in required where (values[key] ?? "").isEmpty {
            issues.append(LexiconIssue(file: file, line: 1, field: key, message: "missing"))
        }
        if let code = values["code"], code != folderName {
            issues.append(LexiconIssue(file: file, line: 1, field: "code", message: "'\(code)' differs from the folder name '\(folderName)'"))
        }
        let scheme = values["fingerspelling"].flatMap(FingerspellingScheme.init(rawValue:))
        if values["fingerspelling"] != nil && scheme == nil {
            issues.append(LexiconIssue(file: file, line: 1, field: "fingerspelling", message: "expected pinyin or latin"))
        }
        let mouthing = values["mouthing"].map { MouthingScope(rawValue: $0) } ?? .words
        if mouthing == nil {
            issues.append(LexiconIssue(file: file, line: 1, field: "mouthing", message: "expected words or nouns"))
        }
        guard issues.isEmpty, let scheme, let mouthing else { throw LexiconError.invalid(issues) }
        return SignLanguageInfo(code: folderName, name: values["name"]!, spokenLanguages: list("spoken"),
                                categories: list("categories"), fingerspelling: scheme, mouthing: mouthing)
    }
}
