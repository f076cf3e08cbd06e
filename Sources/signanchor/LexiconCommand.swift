import ArgumentParser
import Foundation
import Lexicon

/// `signanchor lexicon …`: query, check and convert the sign dictionaries in `Lexicon/`.
struct LexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Look up, search, show, validate and convert the sign dictionaries.",
        subcommands: [
            LexiconLookupCommand.self, LexiconSearchCommand.self, LexiconShowCommand.self,
            LexiconValidateCommand.self, LexiconStatsCommand.self, LexiconCoverageCommand.self,
            LexiconImportSiGMLCommand.self, LexiconExportSiGMLCommand.self, LexiconReviewCommand.self, LexiconBenchCommand.self,
        ]
    )
}

/// Options every lexicon subcommand that reads one sign language shares.
struct LexiconOptions: ParsableArguments {
    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @Option(name: .customLong("sign-language"), help: "The sign language: a folder under the lexicon (csl, asl, …).")
    var signLanguage: String = "csl"

    /// The lexicon root folder.
    var root: String { get throws { try lexicon ?? LexiconLoader.defaultRoot() } }

    /// Loads the chosen sign language; a broken lexicon is refused with the first problem.
    func load() throws -> Lexicon {
        try LexiconLoader.load(root: root, signLanguage: signLanguage)
    }
}

/// The text lines that describe one match or entry in lookup and search results.
enum LexiconText {
    static func summary(_ entry: LexiconEntry) -> String {
        let words = entry.words.map { sense in
            var text = "\(sense.language): \(sense.words.joined(separator: ", "))"
            if let pos = sense.partOfSpeech { text += " [\(pos.rawValue)]" }
            if sense.priority != 1 { text += " priority \(sense.priority)" }
            if let region = sense.region { text += " region \(region)" }
            return text
        }.joined(separator: "; ")
        let compound = entry.compound.map { "\tcompound: " + $0.joined(separator: " + ") } ?? ""
        return "\(entry.id)\t\(entry.gloss)\t\(entry.category)\t\(words)" + compound + (entry.verified ? "" : "\t(unverified)")
    }
}
