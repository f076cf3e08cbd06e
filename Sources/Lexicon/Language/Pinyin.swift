/// Mandarin readings of CJK characters from Unihan's kMandarin field (`Lexicon/spoken/generated/zh-pinyin.txt`).
///
/// kMandarin lists the customary reading first; polyphonic characters (行 xíng/háng) get that first
/// reading here, and callers that know better (a lexicon word) should prefer the word's own spelling.
public struct Pinyin: Sendable {
    private let readings: [Unicode.Scalar: String]

    /// The data file's name under the spoken folder.
    public static let fileName = "generated/zh-pinyin.txt"

    /// Loads the readings: one `CHARACTER<TAB>reading [reading…]` line per character.
    /// - Throws: ``LexiconError`` when the file is missing or malformed.
    public init(root: String) throws {
        var readings: [Unicode.Scalar: String] = [:]
        readings.reserveCapacity(45_000)
        var issues: [LexiconIssue] = []
        for (line, text) in try SpokenData.records(Self.fileName, root: root) {
            let fields = text.fields(separatedBy: 0x09)
            guard fields.count == 2, fields[0].unicodeScalars.count == 1, let reading = fields[1].split(separator: " ").first else {
                issues.append(LexiconIssue(file: SpokenData.path(Self.fileName, root: root), line: line, field: "syntax",
                                           message: "expected CHARACTER<TAB>reading"))
                continue
            }
            readings[fields[0].unicodeScalars.first!] = String(reading)
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        self.readings = readings
    }

    /// Creates readings from a table, e.g. in tests.
    public init(readings: [Unicode.Scalar: String]) {
        self.readings = readings
    }

    /// The number of characters with a reading.
    public var count: Int { readings.count }

    /// The reading of one character with its tone mark (`zhōng`), or nil when it has none.
    public func reading(_ character: Unicode.Scalar) -> String? {
        readings[character]
    }

    /// The toneless syllables of the CJK characters in `text`, in order (`中国` → `["zhong", "guo"]`).
    /// Characters without a reading are skipped; ü is written `ü`.
    public func syllables(_ text: String) -> [String] {
        text.unicodeScalars.compactMap { readings[$0].map(Self.toneless) }
    }

    /// A reading without tone marks: `lǜ` → `lü`, `zhōng` → `zhong`.
    public static func toneless(_ syllable: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in syllable.unicodeScalars where combiningTones[scalar] == nil {
            result.append(toneFree[scalar] ?? scalar)
        }
        return String(result)
    }

    /// The tone number 1–4 of a reading, 5 for the neutral tone.
    public static func tone(_ syllable: String) -> Int {
        for scalar in syllable.unicodeScalars {
            if let tone = tones[scalar] ?? combiningTones[scalar] { return tone }
        }
        return 5
    }

    /// Precomposed toned letters, tones 1–4 in order ("" where Unicode has no precomposed form).
    private static let marked: [(base: Unicode.Scalar, forms: [String])] = [
        ("a", ["ā", "á", "ǎ", "à"]), ("e", ["ē", "é", "ě", "è"]), ("i", ["ī", "í", "ǐ", "ì"]),
        ("o", ["ō", "ó", "ǒ", "ò"]), ("u", ["ū", "ú", "ǔ", "ù"]), ("ü", ["ǖ", "ǘ", "ǚ", "ǜ"]),
        ("m", ["", "ḿ", "", ""]), ("n", ["", "ń", "ň", "ǹ"]), ("ê", ["", "ế", "", "ề"]),
    ]

    /// Combining tone marks, used where no precomposed letter exists (m̄, ê̄).
    private static let combiningTones: [Unicode.Scalar: Int] = ["\u{0304}": 1, "\u{0301}": 2, "\u{030C}": 3, "\u{0300}": 4]

    private static let toneFree: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, forms) in marked {
            for form in forms where !form.isEmpty { table[form.unicodeScalars.first!] = base }
        }
        return table
    }()

    private static let tones: [Unicode.Scalar: Int] = {
        var table: [Unicode.Scalar: Int] = [:]
        for (_, forms) in marked {
            for (index, form) in forms.enumerated() where !form.isEmpty { table[form.unicodeScalars.first!] = index + 1 }
        }
        return table
    }()
}
