import AnchorCore
import Whisper

/// What `signanchor --version` prints: the version, where each data set is found, and the folders searched.
enum DataReport {
    /// Every data set the commands load by default.
    static var dataSets: [DataSet] {
        [.lexicon, .rig, .look, .web] + ModelCatalog.entries.map(ModelCatalog.dataSet)
    }

    /// The text: one line per data set ("lexicon: /usr/local/share/signanchor/Lexicon"), then the search order.
    static var text: String {
        var lines = ["signanchor \(SignAnchorVersion.current)", "data (docs/cli.md, \"Data\"):"]
        for set in dataSets {
            let how = set.environmentValue == nil ? "" : set.environment.map { " (from $\($0))" } ?? ""
            lines.append("  \(set.name): \(set.locate().map { $0 + how } ?? "not found")")
        }
        lines.append("searched after the option and the environment variable, in order:")
        lines += ResourcePaths.roots().map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
