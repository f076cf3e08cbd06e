/// Turns compound entries (`compound: fire, vehicle`) into signs the synthesiser can make: the manual
/// descriptions of their parts in sequence.
///
/// A compound's ``Phonology/manual`` becomes a `sign_manual` node whose children are the parts' own `sign_manual`
/// nodes, in order (a part that is itself a compound contributes its parts), which Motion plans as a compound: the
/// parts joined by transitions. Because the expansion happens when the sign language loads, a signer's correction
/// of a part reaches every compound that uses it.
///
/// The parts are stored as they are; how a compound shortens them (its first members signed once, faster) is the
/// synthesiser's (Motion's `SignPlanner`). The compound's own `nonmanual:` (usually its mouthing) runs over the whole
/// compound; the parts' non-manual tiers are not carried over.
public enum CompoundExpansion {
    /// `entries` with every compound's phonology filled in from its parts.
    /// - Throws: ``LexiconError/invalid(_:)`` naming the file, the `compound:` line and field of a missing part or a cycle.
    static func expand(_ entries: [LexiconEntry], origins: [EntryOrigin], byID: [String: Int],
                       signLanguage: String) throws -> [LexiconEntry] {
        guard entries.contains(where: { $0.compound != nil }) else { return entries }
        var state = Expander(entries: entries, origins: origins, byID: byID, signLanguage: signLanguage)
        var result = entries
        for index in entries.indices where entries[index].compound != nil {
            guard let parts = state.parts(of: index, path: []) else { continue }
            result[index].phonology.manual = PhonologyNode(.signManual, children: parts)
        }
        guard state.issues.isEmpty else { throw LexiconError.invalid(state.issues) }
        return result
    }

    /// Depth-first expansion with memoised results and cycle detection.
    private struct Expander {
        let entries: [LexiconEntry]
        let origins: [EntryOrigin]
        let byID: [String: Int]
        let signLanguage: String
        var done: [Int: [PhonologyNode]?] = [:]
        var issues: [LexiconIssue] = []

        init(entries: [LexiconEntry], origins: [EntryOrigin], byID: [String: Int], signLanguage: String) {
            self.entries = entries
            self.origins = origins
            self.byID = byID
            self.signLanguage = signLanguage
        }

        /// The leaf `sign_manual` nodes of entry `index`, or nil when it (or a part) is broken; `path` holds the
        /// compounds being expanded above it.
        mutating func parts(of index: Int, path: [Int]) -> [PhonologyNode]? {
            let entry = entries[index]
            guard let compound = entry.compound else { return [entry.phonology.manual] }
            if let known = done[index] { return known }
            var leaves: [PhonologyNode] = []
            var broken = false
            for (number, id) in compound.enumerated() {
                guard let part = byID[id] else {
                    issue(index, "no entry '\(id)' in \(signLanguage) (part \(number + 1))")
                    broken = true
                    continue
                }
                if part == index || path.contains(part) {
                    let cycle = (path.drop { $0 != part } + [index, part]).map { entries[$0].id }
                    if part == index || path.first == part {
                        issue(index, "cycle: \(cycle.joined(separator: " → "))")
                    }
                    broken = true
                    continue
                }
                if let more = parts(of: part, path: path + [index]) { leaves += more } else { broken = true }
            }
            let result = broken ? nil : leaves
            // A result found inside a cycle's path is provisional; only memoise at the top or when whole.
            if result != nil || path.isEmpty { done[index] = .some(result) }
            return result
        }

        private mutating func issue(_ index: Int, _ message: String) {
            let origin = origins[index]
            let line = origin.compoundLine ?? origin.line
            let issue = LexiconIssue(file: origin.file, line: line, field: "compound", message: message)
            if !issues.contains(issue) { issues.append(issue) }
        }
    }
}
