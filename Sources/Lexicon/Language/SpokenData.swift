import Foundation

/// Spoken-language data beside the sign languages, in `Lexicon/spoken/`.
///
/// `en-irregular.txt` and `en-suffixes.txt` are written by hand; `generated/zh-pinyin.txt` (from Unihan
/// kMandarin) and `generated/zh-words.txt` (from jieba's word list) are made by `scripts/lexicon-data`.
public enum SpokenData {
    /// The folder name under the lexicon root.
    public static let folderName = "spoken"

    /// The path of data file `name` under `root`'s spoken folder.
    public static func path(_ name: String, root: String) -> String {
        "\(root)/\(folderName)/\(name)"
    }

    /// True when data file `name` is present under `root`'s spoken folder.
    public static func exists(_ name: String, root: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name, root: root))
    }

    /// The lines of a data file that are neither empty nor comments, with their 1-based numbers.
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when the file is absent, ``LexiconError/invalid(_:)`` for bad UTF-8.
    static func records(_ name: String, root: String) throws -> [(line: Int, text: Substring)] {
        let path = path(name, root: root)
        guard FileManager.default.fileExists(atPath: path) else {
            throw LexiconError.missingData(path: path, hint: name.hasPrefix("generated/")
                ? "run scripts/lexicon-data (scripts/setup does) to generate it" : "it ships with the lexicon")
        }
        return try records(atPath: path)
    }

    /// The lines of the data file at `path` that are neither empty nor comments, with their 1-based numbers; read as
    /// the lexicon's files are (one UTF-8 check, lines as substrings: fast for the generated word lists of several MB).
    /// - Throws: ``LexiconError/cannotRead(path:reason:)``, ``LexiconError/invalid(_:)`` for bad UTF-8.
    public static func records(atPath path: String) throws -> [(line: Int, text: Substring)] {
        let text = try LexiconLoader.lines(of: path)
        if let bad = text.badLines.first {
            throw LexiconError.invalid([LexiconIssue(file: path, line: bad, field: "encoding", message: "not valid UTF-8")])
        }
        return text.lines.enumerated().compactMap { index, line in
            line.isEmpty || line.utf8.first == UInt8(ascii: "#") ? nil : (index + 1, line)
        }
    }
}
