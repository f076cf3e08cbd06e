import AnchorCore
import Foundation

/// Reads entries from one lexicon file in the text format of docs/lexicon-format.md.
///
/// Entries are separated by blank lines; `#` starts a comment line. Every problem becomes a
/// ``LexiconIssue`` naming the file, line and field; parsing goes on so one run reports them all.
struct EntryParser {
    /// An entry with the line it starts on.
    struct Parsed {
        var entry: LexiconEntry
        var line: Int
        /// The line of the `compound:` field, for messages about the parts.
        var compoundLine: Int?
    }

    let file: String
    let info: SignLanguageInfo
    private(set) var issues: [LexiconIssue] = []
    /// Node lines already read, by their text without indentation: most repeat (83 % in the shipped lexicons,
    /// `location_bodyarm location=chest`), so each distinct line is split and validated once per parser.
    private var readLines: [ByteKey: NodeLine] = [:]

    /// A node line read: its element and attributes, or the problems with them.
    private struct NodeLine {
        var kind: NodeKind?
        var name: String
        var attributes: [NodeAttribute]
        var problems: [NodeValidation.Problem]
    }

    init(file: String, info: SignLanguageInfo) {
        self.file = file
        self.info = info
    }

    /// Parses every entry of `text`; large files are parsed in chunks on all cores, results kept in file order.
    mutating func parse(_ text: TextLines) -> [Parsed] {
        for line in text.badLines {
            issue(line, "encoding", "not valid UTF-8")
        }
        var blocks: [[(Int, Substring)]] = []
        var block: [(Int, Substring)] = []
        for (index, line) in text.lines.enumerated() {
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !block.isEmpty && !text.badLines.contains(index + 1) {
                    blocks.append(block)
                    block = []
                }
            } else if !line.hasPrefix("#") {
                block.append((index + 1, line))
            }
        }
        if !block.isEmpty { blocks.append(block) }
        let chunkCount = blocks.count < 512 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        let chunkSize = (blocks.count + chunkCount - 1) / max(chunkCount, 1)
        let (file, info, allBlocks) = (file, info, blocks)
        let results = ConcurrentMap.results(chunkCount) { chunk -> ([Parsed], [LexiconIssue]) in
            var parser = EntryParser(file: file, info: info)
            let range = min(chunk * chunkSize, allBlocks.count)..<min((chunk + 1) * chunkSize, allBlocks.count)
            return (allBlocks[range].compactMap { parser.parseBlock($0) }, parser.issues)
        }
        var entries: [Parsed] = []
        for (chunkEntries, chunkIssues) in results {
            entries += chunkEntries
            issues += chunkIssues
        }
        return entries
    }

    private mutating func issue(_ line: Int, _ field: String, _ message: String) {
        issues.append(LexiconIssue(file: file, line: line, field: field, message: message))
    }

    // MARK: - One entry

    private mutating func parseBlock(_ block: [(Int, Substring)]) -> Parsed? {
        let before = issues.count
        var fields = Fields()
        var words: [WordSense] = []
        var nodeLines: (manual: [(Int, Substring)], nonmanual: [(Int, Substring)]) = ([], [])
        var openBlock: Field?
        for (number, line) in block {
            if let first = line.utf8.first, first == 0x20 || first == 0x09 {
                switch openBlock {
                case .manual: nodeLines.manual.append((number, line))
                case .nonmanual: nodeLines.nonmanual.append((number, line))
                default: issue(number, "syntax", "indented line outside a manual: or nonmanual: block")
                }
                continue
            }
            openBlock = nil
            guard let (key, value) = splitField(line) else {
                issue(number, "syntax", "expected 'field: value'")
                continue
            }
            if let field = Field.named(key) {
                if let first = fields[field] {
                    issue(number, field.rawValue, "given twice in one entry (first on line \(first.line))")
                }
                fields[field] = (number, value)
                if field == .manual || field == .nonmanual { openBlock = field }
            } else if info.spokenLanguages.contains(String(key)) {
                if let sense = parseWords(String(key), value, line: number) { words.append(sense) }
            } else {
                issue(number, String(key), "unknown field (fields: \(Field.allCases.map(\.rawValue).sorted().joined(separator: ", ")); "
                      + "word languages: \(info.spokenLanguages.joined(separator: ", ")))")
            }
        }
        let start = block[0].0
        let id = required(.id, fields, start)
        if let id, !Self.isValidID(id) {
            issue(fields[.id]!.line, "id", "'\(id)' must be lowercase ASCII letters, digits, '-', '_' or '.'")
        }
        let gloss = required(.gloss, fields, start)
        let category = required(.category, fields, start)
        if let category, !info.categories.contains(category) {
            issue(fields[.category]!.line, "category",
                  "unknown category '\(category)' (known: \(info.categories.joined(separator: ", ")))")
        }
        let spells = fields[.spells].map { String($0.value) }
        if words.isEmpty && spells == nil {
            issue(start, "words", "no words: add a line per spoken language (\(info.spokenLanguages.joined(separator: ", ")))")
        }
        let compound = fields[.compound].flatMap { parseCompound($0, manual: fields[.manual]) }
        let manual = compound != nil ? PhonologyNode(.signManual)
            : parseManual(fields[.manual], nodeLines.manual, entryLine: start, allowsCompound: fields[.compound] == nil)
        let nonManual = fields[.nonmanual].map { parseNonManual($0, nodeLines.nonmanual) } ?? []
        let timing = fields[.timing].map { parseTiming($0.value, line: $0.line) } ?? TimingHints()
        let source = required(.source, fields, start)
        let verified = required(.verified, fields, start)
        if let verified, verified != "true" && verified != "false" {
            issue(fields[.verified]!.line, "verified", "expected true or false, found '\(verified)'")
        }
        let review = parseReview(fields)
        guard issues.count == before, let id, let gloss, let category, let source, let manual else { return nil }
        let entry = LexiconEntry(
            id: id, gloss: gloss, category: category, words: words, spells: spells, compound: compound,
            phonology: Phonology(manual: manual, nonManual: nonManual), timing: timing,
            provenance: Provenance(source: source, license: fields[.license].map { String($0.value) }),
            verified: verified == "true", review: review, note: fields[.note].map { String($0.value) })
        return Parsed(entry: entry, line: start, compoundLine: fields[.compound]?.line)
    }

    /// `reviewed-by:` and `reviewed:` (a `YYYY-MM-DD` day), which come together.
    private mutating func parseReview(_ fields: Fields) -> EntryReview? {
        switch (fields[.reviewedBy], fields[.reviewed]) {
        case (nil, nil): return nil
        case let (by?, nil): issue(by.line, "reviewed", "missing: 'reviewed-by:' needs 'reviewed: YYYY-MM-DD'")
        case let (nil, day?): issue(day.line, "reviewed-by", "missing: 'reviewed:' needs 'reviewed-by: NAME'")
        case let (by?, day?):
            guard !by.value.trimmingCharacters(in: .whitespaces).isEmpty else {
                issue(by.line, "reviewed-by", "empty")
                return nil
            }
            guard EntryReview.isDay(day.value) else {
                issue(day.line, "reviewed", "expected a day YYYY-MM-DD, found '\(day.value)'")
                return nil
            }
            return EntryReview(reviewer: String(by.value), date: String(day.value))
        }
        return nil
    }

    private mutating func required(_ key: Field, _ fields: Fields, _ start: Int) -> String? {
        guard let field = fields[key] else {
            issue(start, key.rawValue, "missing")
            return nil
        }
        guard !field.value.isEmpty else {
            issue(field.line, key.rawValue, "empty")
            return nil
        }
        return String(field.value)
    }

    /// The fields an entry has at most once.
    enum Field: String, CaseIterable {
        case id, gloss, category, spells, compound, manual, nonmanual, timing, source, license, verified, note
        case reviewedBy = "reviewed-by", reviewed

        /// The field's position in ``allCases``.
        var index: Int { Self.allCases.firstIndex(of: self)! }
        /// The field named `key`, without building a string for it.
        static func named(_ key: Substring) -> Field? { byName[ByteKey(key)] }
        private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { (ByteKey(Substring($0.rawValue)), $0) })
    }

    /// The values of an entry's single fields with their line numbers: one slot per field (no hashing).
    struct Fields {
        private var slots = [(line: Int, value: Substring)?](repeating: nil, count: Field.allCases.count)

        subscript(_ field: Field) -> (line: Int, value: Substring)? {
            get { slots[field.index] }
            set { slots[field.index] = newValue }
        }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }

    // MARK: - Words and timing

    private mutating func parseWords(_ language: String, _ value: Substring, line: Int) -> WordSense? {
        let parts = value.utf8.split(separator: 0x3B, omittingEmptySubsequences: false).map { trimmed(Substring($0)) }
        let words = parts[0].utf8.split(separator: 0x2C).map { trimmed(Substring($0)) }.filter { !$0.isEmpty }.map(String.init)
        guard !words.isEmpty else {
            issue(line, language, "no words before the first ';'")
            return nil
        }
        var sense = WordSense(language: language, words: words)
        for option in parts.dropFirst() where !option.isEmpty {
            guard let (name, optionValue) = Self.option(option) else {
                issue(line, language, "expected name=value after ';', found '\(option)'")
                continue
            }
            switch name {
            case "pos":
                if let pos = PartOfSpeech(rawValue: optionValue) { sense.partOfSpeech = pos } else {
                    issue(line, "\(language).pos", "unknown part of speech '\(optionValue)' "
                          + "(known: \(PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            case "priority":
                if let priority = Int(optionValue), priority >= 1 { sense.priority = priority } else {
                    issue(line, "\(language).priority", "expected a whole number from 1, found '\(optionValue)'")
                }
            case "region": sense.region = optionValue
            case "sense": sense.sense = optionValue
            case "in-words":
                if optionValue == "true" && words.contains(where: { $0.count == 1 }) {
                    sense.signsInWords = true
                } else if optionValue != "true" && optionValue != "false" {
                    issue(line, "\(language).in-words", "expected true or false, found '\(optionValue)'")
                } else if optionValue == "true" {
                    issue(line, "\(language).in-words", "only for single characters: no word of this line is one character")
                }
            default: issue(line, "\(language).\(name)", "unknown option (known: pos, priority, region, sense, in-words)")
            }
        }
        return sense
    }

    private static func option(_ text: Substring) -> (String, String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let value = trimmed(text[text.index(after: equals)...])
        return value.isEmpty ? nil : (String(trimmed(text[..<equals])), String(value))
    }

    private mutating func parseTiming(_ value: Substring, line: Int) -> TimingHints {
        var timing = TimingHints()
        for word in value.split(separator: " ") {
            guard let (name, text) = Self.option(word), let number = Double(text), number > 0, number < 60 else {
                issue(line, "timing", "expected duration=, hold= or speed= with a positive number, found '\(word)'")
                continue
            }
            switch name {
            case "duration": timing.duration = number
            case "hold": timing.hold = number
            case "speed": timing.speed = number
            default: issue(line, "timing.\(name)", "unknown timing hint (known: duration, hold, speed)")
            }
        }
        return timing
    }

    // MARK: - Phonology blocks

    /// The part ids of a `compound:` field (`fire, vehicle`): two or more valid ids, and no `manual:` beside it.
    /// Whether the parts exist and form no cycle is checked when the whole sign language is loaded.
    private mutating func parseCompound(_ field: (line: Int, value: Substring),
                                        manual: (line: Int, value: Substring)?) -> [String]? {
        let before = issues.count
        if let manual {
            issue(manual.line, "manual", "an entry has either manual: or compound: (line \(field.line)), not both")
        }
        let parts = field.value.utf8.split(separator: 0x2C, omittingEmptySubsequences: false)
            .map { String(trimmed(Substring($0))) }
        for (index, part) in parts.enumerated() where !Self.isValidID(part) {
            issue(field.line, "compound", part.isEmpty ? "part \(index + 1) is empty (expected entry ids separated by ',')"
                  : "part \(index + 1) '\(part)' is not an entry id (lowercase ASCII letters, digits, '-', '_' or '.')")
        }
        if parts.count < 2 { issue(field.line, "compound", "needs two or more parts (entry ids separated by ',')") }
        return issues.count == before ? parts : nil
    }

    private mutating func parseManual(_ header: (line: Int, value: Substring)?, _ lines: [(Int, Substring)],
                                      entryLine: Int, allowsCompound: Bool = true) -> PhonologyNode? {
        guard let header else {
            if allowsCompound { issue(entryLine, "manual", "missing (give manual: or compound:)") }
            return nil
        }
        let (attributes, problems) = NodeValidation.attributes((NodeSyntax.words(header.value) ?? []).lazy,
                                                               of: .signManual)
        for problem in problems { issue(header.line, "manual." + problem.field, problem.message) }
        let children = parseNodes(lines, manual: true)
        if children.isEmpty && lines.isEmpty {
            issue(header.line, "manual", "no postures or movements: indent them under 'manual:'")
        }
        return PhonologyNode(.signManual, attributes, children: children)
    }

    private mutating func parseNonManual(_ header: (line: Int, value: Substring), _ lines: [(Int, Substring)])
        -> [PhonologyNode] {
        if !header.value.isEmpty { issue(header.line, "nonmanual", "takes no attributes; indent the tiers below it") }
        return parseNodes(lines, manual: false)
    }

    /// Builds the node tree from indented lines: two spaces per level, the first level two spaces in.
    private mutating func parseNodes(_ lines: [(Int, Substring)], manual: Bool) -> [PhonologyNode] {
        let block = manual ? "manual" : "nonmanual"
        var stack: [(depth: Int, node: PhonologyNode)] = [(0, PhonologyNode(.signManual))]
        func closeTo(_ depth: Int) {
            while stack.count > 1 && stack.last!.depth >= depth {
                let done = stack.removeLast().node
                stack[stack.count - 1].node.children.append(done)
            }
        }
        for (number, line) in lines {
            let spaces = line.utf8.prefix { $0 == 0x20 }.count
            guard spaces % 2 == 0, !line.dropFirst(spaces).hasPrefix("\t") else {
                issue(number, block, "indent with two spaces per level")
                continue
            }
            let depth = spaces / 2
            guard depth <= stack.last!.depth + 1 else {
                issue(number, block, "indented too far: one level deeper than the line above at most")
                continue
            }
            let text = line.dropFirst(spaces)
            guard let read = readLines[ByteKey(text)] ?? readNodeLine(text) else {
                issue(number, block, "unclosed quote")
                continue
            }
            guard let kind = read.kind, kind != .signManual || manual, kind.isNonManual != manual else {
                let expected = NodeKind.allCases.filter { $0.isNonManual != manual }.map(\.rawValue)
                issue(number, block, "unknown element '\(read.name)' in \(block) (known: \(expected.joined(separator: ", ")))")
                continue
            }
            for problem in read.problems { issue(number, problem.field, problem.message) }
            closeTo(depth)
            stack.append((depth, PhonologyNode(kind, read.attributes)))
        }
        closeTo(1)
        return stack[0].node.children
    }

    /// Splits and validates one node line and remembers it; nil for an unclosed quote (or an empty line).
    private mutating func readNodeLine(_ text: Substring) -> NodeLine? {
        guard let words = NodeSyntax.words(text), let name = words.first else { return nil }
        var read = NodeLine(kind: NodeKind.named(name), name: name, attributes: [], problems: [])
        if let kind = read.kind { (read.attributes, read.problems) = NodeValidation.attributes(words.dropFirst(), of: kind) }
        readLines[ByteKey(text)] = read
        return read
    }
}
