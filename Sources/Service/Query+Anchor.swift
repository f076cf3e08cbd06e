import Distill
import Pipeline

extension Query {
    /// The settings every whole-pipeline endpoint (`/jobs`, `/live`) reads from its query: `sign-language`
    /// (default: from the speech's language), `language` (the speech's, default auto), `prompt`, `beam` (5),
    /// `rate` (80 units/min) and `max-lag` (4 s), on the server's lexicon and model.
    /// - Throws: ``ServiceError/badRequest(_:)`` naming an invalid parameter.
    func anchorOptions(_ options: ServiceOptions) throws -> AnchorOptions {
        var settings = try AnchorOptions(lexiconRoot: options.lexiconRoot, modelPath: options.modelPath)
        settings.visemesPath = options.visemesPath
        settings.signLanguage = string("sign-language")
        settings.speechLanguage = string("language").flatMap { $0 == "auto" ? nil : $0 }
        settings.prompt = string("prompt")
        settings.beam = try int("beam", default: 5, in: 1...16)
        settings.distill = try DistillOptions(rate: .unitsPerMinute(try double("rate", default: 80, in: 1...1000)),
                                              maxLag: try double("max-lag", default: 4, in: 0...60))
        return settings
    }
}
