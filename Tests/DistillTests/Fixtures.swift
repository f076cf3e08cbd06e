import AnchorCore
import Distill
import Foundation
import TestSupport

/// Analysers over the repository's lexicon, loaded once, and news transcripts built from Media/.
enum Fixtures {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path
    static let chinese = try! TextAnalyzer.load(root: root, language: .chinese)
    static let english = try! TextAnalyzer.load(root: root, language: .english)

    /// The text of a file under Media/.
    static func media(_ name: String) throws -> String {
        try String(contentsOf: TestFiles.packageRoot.appendingPathComponent("Media/\(name)"), encoding: .utf8)
    }

    /// A distiller with the rules backend and default options.
    static func distiller(_ analyzer: TextAnalyzer, rate: RateTarget = .unitsPerMinute(80), maxLag: Double = 4) throws -> Distiller {
        Distiller(analyzer: analyzer, options: try DistillOptions(rate: rate, maxLag: maxLag))
    }
}
