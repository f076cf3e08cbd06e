import Foundation

/// What a distillation achieved, for the command line, the pipeline's report and the tests.
public struct DistillReport: Sendable, Codable, Equatable {
    /// The unit `--rate` counts: `char` (Chinese) or `word` (English).
    public var unit: String
    /// Source rate, units per minute of speech.
    public var sourceUnitsPerMinute: Double
    /// Condensed rate, units per minute of speech.
    public var unitsPerMinute: Double
    /// Signs per minute of speech.
    public var signsPerMinute: Double
    /// Condensed units / source units (0.35 keeps 35 %).
    public var compressionRatio: Double
    /// Share of the source's distinct content words still present in the condensed text, 0–1.
    public var contentRetention: Double
    /// Largest lag at a segment boundary, s.
    public var maxLag: Double
    /// Mean lag over segment boundaries, s.
    public var meanLag: Double
    /// Passages left empty to keep the lag bound.
    public var skippedPassages: Int
    /// Passages the GLM backend condensed; the rest came from the rules (directly or as a fallback).
    public var glmPassages: Int

    /// Creates a report.
    public init(unit: String, sourceUnitsPerMinute: Double, unitsPerMinute: Double, signsPerMinute: Double,
                compressionRatio: Double, contentRetention: Double, maxLag: Double, meanLag: Double,
                skippedPassages: Int, glmPassages: Int) {
        self.unit = unit
        self.sourceUnitsPerMinute = sourceUnitsPerMinute
        self.unitsPerMinute = unitsPerMinute
        self.signsPerMinute = signsPerMinute
        self.compressionRatio = compressionRatio
        self.contentRetention = contentRetention
        self.maxLag = maxLag
        self.meanLag = meanLag
        self.skippedPassages = skippedPassages
        self.glmPassages = glmPassages
    }

    /// A few lines for people.
    public var text: String {
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        return """
        rate: \(f(sourceUnitsPerMinute)) → \(f(unitsPerMinute)) \(unit)s/min, \(f(signsPerMinute)) signs/min
        kept: \(f(compressionRatio * 100))% of \(unit)s, \(f(contentRetention * 100))% of content words
        lag: max \(f(maxLag, 2)) s, mean \(f(meanLag, 2)) s; \(skippedPassages) passages skipped, \(glmPassages) by GLM

        """
    }
}
