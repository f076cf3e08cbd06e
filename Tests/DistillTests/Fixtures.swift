import AnchorCore
import Distill
import Lexicon
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

    /// `term` with each run of Chinese numerals (and the unit after it) as the distiller writes it (六到八度 → 6到8度).
    static func digits(_ term: String) -> String {
        var result = "", rest = Substring(term)
        while let start = rest.indices.first(where: { ChineseNumerals.isNumeral(String(rest[$0])) || rest[$0...].hasPrefix("百分之") }) {
            result += rest[..<start]
            var end = rest[start...].hasPrefix("百分之") ? rest.index(start, offsetBy: 3) : start
            while end < rest.endIndex, ChineseNumerals.isNumeral(String(rest[end])) || rest[end] == "点" { end = rest.index(after: end) }
            result += ChineseNumerals.compact(String(rest[start..<end])) ?? String(rest[start..<end])
            rest = rest[end...]
        }
        return result + rest
    }
}
