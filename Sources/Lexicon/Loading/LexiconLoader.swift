import AnchorCore
import Foundation

/// Reads sign-language folders (`Lexicon/<code>/language.txt` plus entry files `*.txt`) into ``Lexicon`` values.
public enum LexiconLoader {
    /// The file in each sign-language folder that describes the language.
    public static let languageFileName = "language.txt"

    /// Loads one sign-language folder, refusing it if any file has a problem.
    /// - Throws: ``LexiconError/invalid(_:)`` with every problem (file, line, field), or ``LexiconError/cannotRead(path:reason:)``.
    public static func load(folder: String) throws -> Lexicon {
        let (lexicon, issues) = try read(folder: folder)
        guard issues.isEmpty, let lexicon else { throw LexiconError.invalid(issues) }
        return lexicon
    }

    /// Every problem in a sign-language folder; empty when it loads.
    /// - Throws: only when the folder or its `language.txt` cannot be read at all.
    public static func validate(folder: String) throws -> [LexiconIssue] {
        try read(folder: folder).issues
    }

    /// The sign-language folders under `root` (those holding a `language.txt`), sorted by code.
    public static func signLanguageFolders(root: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: root) } catch {
            throw LexiconError.cannotRead(path: root, reason: "not a readable folder")
        }
        return names.sorted().map { "\(root)/\($0)" }
            .filter { FileManager.default.fileExists(atPath: "\($0)/\(languageFileName)") }
    }

    /// Loads the folder of sign language `code` under `root`.
    /// - Throws: ``LexiconError/unknownSignLanguage(_:available:)`` when there is none.
    public static func load(root: String, signLanguage code: String) throws -> Lexicon {
        let folders = try signLanguageFolders(root: root)
        guard let folder = folders.first(where: { ($0 as NSString).lastPathComponent == code }) else {
            throw LexiconError.unknownSignLanguage(code, available: folders.map { ($0 as NSString).lastPathComponent })
        }
        return try load(folder: folder)
    }

    /// The default lexicon root: `$SIGNANCHOR_LEXICON`, else `Lexicon/` in the data folders (``DataSet``).
    /// - Throws: ``AnchorCoreError/dataNotFound(name:relative:searched:)`` naming where it looked.
    public static func defaultRoot() throws -> String {
        try DataSet.lexicon.path()
    }

    // MARK: - Reading

    private static func read(folder: String) throws -> (Lexicon?, issues: [LexiconIssue]) {
        let code = (folder as NSString).lastPathComponent
        let info = try SignLanguageInfo.parse(try lines(of: "\(folder)/\(languageFileName)"),
                                              file: "\(folder)/\(languageFileName)", folderName: code)
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".txt") && $0 != languageFileName }.sorted()
        } catch {
            throw LexiconError.cannotRead(path: folder, reason: "not a readable folder")
        }
        var issues: [LexiconIssue] = []
        var entries: [LexiconEntry] = []
        var origins: [EntryOrigin] = []
        for name in files {
            let path = "\(folder)/\(name)"
            var parser = EntryParser(file: path, info: info)
            for parsed in parser.parse(try lines(of: path)) {
                entries.append(parsed.entry)
                origins.append(EntryOrigin(file: path, line: parsed.line, compoundLine: parsed.compoundLine))
            }
            issues += parser.issues
        }
        do {
            let lexicon = try Lexicon(info: info, entries: entries, origins: origins)
            return (issues.isEmpty ? lexicon : nil, issues)
        } catch let LexiconError.invalid(more) {
            return (nil, issues + more)
        }
    }

    static func lines(of path: String) throws -> TextLines {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError.cannotRead(path: path, reason: "no such file or not readable")
        }
        return TextLines(data)
    }
}
