/// Chinese personal names the word list lacks. The segmenter cuts such a name into its surname and single characters
/// (刘|晓|红, 周|子|涵, 王|某), some of which are words with signs of their own (红 "red", 周 "week"): signed so, the
/// viewer sees RED or WEEK inside a name. A listed surname and the one or two single characters after it that can
/// continue a name are one name, spelled as names are. Distillation and glossing both read names this way.
///
/// Data: `Lexicon/spoken/zh-Hans-names.txt`, `surname:` (the commonest surnames) and `name-stop:` (single characters
/// that never continue a name: 说 in 张伟说).
public struct ChineseNames: Sendable, Equatable {
    /// Surnames (one or two characters).
    public var surnames: Set<String>
    /// Single characters that end a name before them.
    public var stops: Set<String>

    /// The data file's name under the spoken folder.
    public static let fileName = "zh-Hans-names.txt"

    /// Names from the given lists (tests build small ones).
    public init(surnames: Set<String>, stops: Set<String>) {
        self.surnames = surnames
        self.stops = stops
    }

    /// Reads `root/spoken/zh-Hans-names.txt`.
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when it is absent, ``LexiconError/invalid(_:)`` naming the
    ///   line of a malformed record.
    public init(root: String) throws {
        var lists: [String: Set<String>] = ["surname": [], "name-stop": []]
        let path = SpokenData.path(Self.fileName, root: root)
        var issues: [LexiconIssue] = []
        for (line, text) in try SpokenData.records(Self.fileName, root: root) {
            guard let colon = text.firstIndex(of: ":"), lists[String(text[..<colon])] != nil else {
                issues.append(LexiconIssue(file: path, line: line, field: "syntax", message: "expected 'surname: …' or 'name-stop: …'"))
                continue
            }
            lists[String(text[..<colon])]!.formUnion(text[text.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init))
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        self.init(surnames: lists["surname"]!, stops: lists["name-stop"]!)
    }

    /// The index ranges of `tokens` (in order) that form one name: a surname token not counted by a numeral before it
    /// (一张) and the one or two single-character tokens after it that are not stops and that `canContinue` allows
    /// (the caller rules out punctuation, numbers and grammar words).
    public func spans(_ tokens: [String], canContinue: (Int) -> Bool, isNumeral: (Int) -> Bool) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            var end = index
            if surnames.contains(tokens[index]), index == 0 || !isNumeral(index - 1) {
                while end + 1 < tokens.count, end - index < 2, tokens[end + 1].count == 1,
                      !stops.contains(tokens[end + 1]), canContinue(end + 1) {
                    end += 1
                }
            }
            if end > index { spans.append(index..<end + 1) }
            index = end + 1
        }
        return spans
    }
}
