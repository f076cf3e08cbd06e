import AnchorCore
import ArgumentParser
import Foundation
import Lexicon

/// `signanchor lexicon validate [PATH]`: every problem with file, line and field; exit 1 if any.
struct LexiconValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a lexicon folder or one sign-language folder; exit 1 on any problem.")

    @Argument(help: "A lexicon folder or a sign-language folder (default: the lexicon).") var path: String?

    func run() async throws {
        let target = try path ?? LexiconLoader.defaultRoot()
        let isLanguage = FileManager.default.fileExists(atPath: "\(target)/\(LexiconLoader.languageFileName)")
        let folders = isLanguage ? [target] : try LexiconLoader.signLanguageFolders(root: target)
        guard !folders.isEmpty else { throw CLIError("\(target): no sign-language folders (none has \(LexiconLoader.languageFileName))") }
        var issues: [LexiconIssue] = []
        var report: [String] = []
        for folder in folders {
            do {
                let found = try LexiconLoader.validate(folder: folder)
                issues += found
                report.append("\(folder): \(found.isEmpty ? "ok" : "\(found.count) problems")")
            } catch let LexiconError.invalid(found) {
                issues += found
                report.append("\(folder): \(found.count) problems")
            }
        }
        try Console.emit((issues.map(\.description) + report).joined(separator: "\n") + "\n", to: nil)
        if !issues.isEmpty { throw LexiconError.invalid(issues) }
    }
}

/// `signanchor lexicon stats`: entries per sign language and category, verified or not.
struct LexiconStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Entries per sign language and category, verified or not.")

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    /// Counts for one sign language.
    struct Stats: Encodable {
        var signLanguage: String
        var entries: Int
        var verified: Int
        var unverified: Int
        var categories: [String: Int]
        var words: [String: Int]
    }

    func run() async throws {
        let root = try lexicon ?? LexiconLoader.defaultRoot()
        let stats = try LexiconLoader.signLanguageFolders(root: root).map { folder in
            let lexicon = try LexiconLoader.load(folder: folder)
            var stats = Stats(signLanguage: lexicon.info.code, entries: lexicon.entries.count,
                              verified: lexicon.entries.filter(\.verified).count, unverified: 0, categories: [:], words: [:])
            stats.unverified = stats.entries - stats.verified
            for entry in lexicon.entries { stats.categories[entry.category, default: 0] += 1 }
            for language in lexicon.info.spokenLanguages { stats.words[language] = lexicon.words(language: language).count }
            return stats
        }
        switch format {
        case .json: try Console.emit(try JSON.encode(stats), to: nil)
        case .text:
            let text = stats.map { item in
                "\(item.signLanguage): \(item.entries) entries (\(item.verified) verified, \(item.unverified) unverified); words "
                    + item.words.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
                    + item.categories.sorted { $0.key < $1.key }.map { "  \($0.key)\t\($0.value)" }.joined(separator: "\n")
            }.joined(separator: "\n")
            try Console.emit(text + "\n", to: nil)
        }
    }
}

/// `signanchor lexicon coverage FILE` or `--top N`: how much of a text, or of a language's most frequent content
/// words, the lexicon signs before fingerspelling.
struct LexiconCoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Share of a text's content words, or of the top N frequent words, signed before fingerspelling.",
        discussion: """
            With FILE: the text's content words covered directly or by a fallback, and the missing ones.
            With --top N: the N most frequent content words of --language (zh: jieba's dict.txt; en: wordfreq, \
            lemmatised; both from Lexicon/spoken/generated/, made by scripts/setup), each counted as lexicon sign, \
            compound, synonym, segmentation, characters or fingerspelled; the fingerspelled words are listed most \
            frequent first.
            """)

    @OptionGroup var options: LexiconOptions
    @Argument(help: "A UTF-8 text file (omit with --top).") var file: String?
    @Option(help: "Measure the N most frequent content words of --language instead of a file.") var top: Int?
    @Option(help: "The language: zh-Hans (or zh) or en.") var language: String = "zh-Hans"
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        if (top == nil) == (file == nil) { throw ValidationError("give either a text FILE or --top N") }
    }

    func run() async throws {
        let language = language == "zh" ? "zh-Hans" : language
        let tools = try LanguageTools(root: options.root, signLanguage: options.signLanguage)
        guard ["zh-Hans", "en"].contains(language), tools.lexicon.info.spokenLanguages.contains(language) else {
            throw CLIError("--language must be zh-Hans (zh) or en, and one the sign language maps (\(tools.lexicon.info.spokenLanguages.joined(separator: ", ")))")
        }
        if let top {
            try frequent(top: top, language: language, tools: tools)
            return
        }
        let file = file!
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw LexiconError.cannotRead(path: file, reason: "not a readable UTF-8 file")
        }
        let functionWords = tools.functionWords[language] ?? []
        let coverage: TextCoverage
        switch (language, tools.segmenter, tools.lemmatizer) {
        case let ("zh-Hans", segmenter?, _):
            coverage = TextCoverage.chinese(text, lexicon: tools.lexicon, segmenter: segmenter, functionWords: functionWords)
        case let ("en", _, lemmatizer?):
            coverage = TextCoverage.english(text, lexicon: tools.lexicon, lemmatizer: lemmatizer, functionWords: functionWords,
                                            thesaurus: tools.thesaurus)
        default:
            throw CLIError("--language \(language): the sign language lacks the tools for it")
        }
        switch format {
        case .json: try Console.emit(try JSON.encode(coverage), to: nil)
        case .text:
            let missing = coverage.missing.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key)×\($0.value)" }
            try Console.emit(String(format: "content words: %d, direct: %d, decomposed: %d, synonyms: %d, coverage: %.1f%%\nmissing: %@\n",
                                    coverage.contentWords, coverage.direct, coverage.decomposed, coverage.synonyms,
                                    coverage.ratio * 100, missing.joined(separator: " ")), to: nil)
        }
    }

    /// The report on the `top` most frequent content words of `language`.
    private func frequent(top: Int, language: String, tools: LanguageTools) throws {
        let list = try FrequencyList(language: language, root: options.root, lemmatizer: language == "en" ? tools.lemmatizer : nil)
        let coverage = VocabularyCoverage(list: list, top: top, fallback: tools.fallback(language: language))
        switch format {
        case .json: try Console.emit(try JSON.encode(coverage), to: nil)
        case .text: try Console.emit(coverage.text, to: nil)
        }
    }
}
