/// Checks a node's attributes against ``NodeSchema``; one message per problem, with the field it concerns.
enum NodeValidation {
    /// A problem found in one node line.
    struct Problem: Equatable {
        var field: String
        var message: String
    }

    /// Parses `name=value` words into attributes of `kind`, reporting unknown names, bad values and repeats.
    static func attributes(_ words: some Sequence<String>, of kind: NodeKind) -> ([NodeAttribute], [Problem]) {
        var attributes: [NodeAttribute] = []
        var problems: [Problem] = []
        for word in words {
            guard let equals = word.utf8.firstIndex(of: 0x3D) else {
                problems.append(Problem(field: kind.rawValue, message: "expected name=value, found '\(word)'"))
                continue
            }
            let attribute = NodeAttribute(String(word[..<equals]), String(word[word.utf8.index(after: equals)...]))
            if let problem = check(attribute, on: kind) {
                problems.append(problem)
            } else if attributes.contains(where: { $0.name == attribute.name }) {
                problems.append(Problem(field: "\(kind.rawValue).\(attribute.name)", message: "given twice"))
            } else {
                attributes.append(attribute)
            }
        }
        return (attributes, problems)
    }

    /// The problem with one attribute on `kind`, or nil when it is valid.
    static func check(_ attribute: NodeAttribute, on kind: NodeKind) -> Problem? {
        let field = "\(kind.rawValue).\(attribute.name)"
        guard let domain = NodeSchema.domain(of: attribute.name, on: kind) else {
            let known = NodeSchema.attributes(of: kind).keys.sorted().joined(separator: ", ")
            return Problem(field: field, message: "unknown attribute '\(attribute.name)' on \(kind.rawValue)"
                + (known.isEmpty ? " (it takes none)" : " (known: \(known))"))
        }
        guard domain.accepts(attribute.value) else {
            return Problem(field: field, message: "unknown value '\(attribute.value)' (expected \(domain.summary))")
        }
        return nil
    }
}
