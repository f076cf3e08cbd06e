import ArgumentParser
import Foundation

/// `--format text|json` shared by the subcommands that print a result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// JSON the way every subcommand writes it: pretty, keys sorted, one trailing newline.
enum JSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
