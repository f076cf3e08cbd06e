import AnchorCore
import Foundation
import Pipeline

extension AnchorCommand {
    /// `anchor --live`: the avatar stream while the input arrives, one log line per signed utterance.
    func runLive() async throws {
        guard let input else { return }
        var options = LiveOptions(anchor: try anchorOptions(output: output))
        options.video = output
        options.animation = animationStream
        options.inputTimeout = inputTimeout
        let geometry = try avatar.load()
        let quiet = quiet
        Console.note("live: reading \(input); the run ends \(inputTimeout) s after the input stops", quiet: quiet)
        let report = try await LiveAnchor(options: options, geometry: geometry).run(input: input) { line in
            Console.note(line, quiet: quiet)
        }
        let reportPath = report.video.flatMap { $0 == "-" || $0.contains("://") ? nil : $0 }
            .map(Self.reportPath(beside:))
        if let path = self.report ?? reportPath { try Console.emit(try JSON.encode(report), to: path) }
        Console.note(String(format: "live: %.1f s of input, %.1f s of avatar, %d of %d utterances signed (%d skipped, too late); "
                                + "delay mean %.1f s, p95 %.1f s, max %.1f s", report.inputSeconds, report.outputSeconds,
                            report.signedUtterances, report.utterances, report.skippedUtterances, report.meanDelay,
                            report.p95Delay, report.maxDelay),
                     quiet: quiet)
    }
}
