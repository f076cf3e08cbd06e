import AnchorCore
import Foundation
import Pipeline

extension AnchorCommand {
    /// `anchor --live`: the avatar stream while the input arrives, one log line per signed utterance.
    func runLive() async throws {
        guard let input else { return }
        try OutputSafety.check(outputs: [output, animationStream, report], inputs: [input])
        var options = LiveOptions(anchor: try anchorOptions(output: output))
        options.video = output
        options.animation = animationStream
        options.inputTimeout = inputTimeout
        options.maxBacklog = maxBacklog
        let geometry = try avatar.load()
        let quiet = quiet
        Console.note("live: reading \(input); the run ends \(inputTimeout) s after the input stops", quiet: quiet)
        let anchor = LiveAnchor(options: options, geometry: geometry)
        let run = Task { try await anchor.run(input: input) { line in Console.note(line, quiet: quiet) } }
        // A signal ends the run cleanly: the outputs are finished and the report written, then the exit is 130/143.
        SignalGuard.onFirstSignal(grace: 10) { run.cancel() }
        let report = try await run.value
        let reportPath = report.video.flatMap { $0 == "-" || $0.contains("://") ? nil : $0 }
            .map(Self.reportPath(beside:))
        if let path = self.report ?? reportPath { try Console.emit(try JSON.encode(report), to: path) }
        Console.note(String(format: "live: %.1f s of input, %.1f s of avatar, %d of %d utterances signed (%d skipped, too late); "
                                + "delay mean %.1f s, p95 %.1f s, max %.1f s", report.inputSeconds, report.outputSeconds,
                            report.signedUtterances, report.utterances, report.skippedUtterances, report.meanDelay,
                            report.p95Delay, report.maxDelay),
                     quiet: quiet)
        SignalGuard.exitIfSignalled()
    }
}
