import AnchorCore
import ArgumentParser
import Foundation
import Lexicon

/// `signanchor lexicon import-sigml DIR -o OUT`: G-SiGML files to a sign-language folder, with a report.
struct LexiconImportSiGMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-sigml",
        abstract: "Import a folder of G-SiGML files as a sign-language folder; report everything unsupported.")

    @Argument(help: "A folder of .sigml files.") var folder: String
    @Option(name: .shortAndLong, help: "The sign-language folder to write (its name is the code).") var output: String
    @Option(help: "The spoken language of the glosses' words, e.g. nl.") var spoken: String = "nl"
    @Option(help: "The source data's licence, written on every entry, e.g. Apache-2.0.") var license: String?
    @Option(help: "Output format of the report: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let code = URL(fileURLWithPath: output).lastPathComponent
        let result = try SiGMLImporter.importFolder(folder, code: code, spokenLanguage: spoken)
        let entries = result.lexicon.entries.map { entry in
            var entry = entry
            entry.provenance.license = license
            return entry
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try AtomicOutput.write(Data(EntryWriter.languageFile(result.lexicon.info).utf8), to: "\(output)/\(LexiconLoader.languageFileName)")
        try AtomicOutput.write(Data(EntryWriter.file(entries, header: "Imported from \(folder) by signanchor lexicon import-sigml.").utf8),
                               to: "\(output)/imported.txt")
        switch format {
        case .json: try Console.emit(try JSON.encode(result.report), to: nil)
        case .text: try Console.emit(result.report.text, to: nil)
        }
    }
}

/// `signanchor lexicon export-sigml ID…`: entries as one G-SiGML document.
struct LexiconExportSiGMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-sigml", abstract: "Write entries as a G-SiGML document for SiGML players.")

    @OptionGroup var options: LexiconOptions
    @Argument(help: "Entry ids.") var ids: [String]
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() async throws {
        let lexicon = try options.load()
        let entries = try ids.map { id in
            guard let entry = lexicon.entry(id: id) else { throw LexiconError.notFound(id, signLanguage: lexicon.info.code) }
            return entry
        }
        guard !entries.isEmpty else { throw CLIError("export-sigml: give at least one entry id") }
        try Console.emit(SiGMLExporter.document(entries), to: output)
    }
}
