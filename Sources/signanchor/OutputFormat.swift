import ArgumentParser

/// `--format text|json` shared by the subcommands that print a result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
