import AnchorCore
import Foundation

/// Shows ``StageProgress`` on stderr: a redrawn bar on a terminal, a plain line every 10 % otherwise,
/// nothing when quiet.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`; reports may come from worker threads.
    private let lock = NSLock()
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var lastDecile = -1
    private var lastDraw = Date.distantPast
    private var drewBar = false
    private var stage = ""

    init(quiet: Bool) { self.quiet = quiet }

    /// A handler to pass to a library call.
    var handler: ProgressHandler { { [self] progress in self.report(progress) } }

    func report(_ progress: StageProgress) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        if progress.stage != stage {
            // A new stage gets its own bar (or its own 10 % lines).
            if drewBar { FileHandle.standardError.write(Data("\n".utf8)); drewBar = false }
            stage = progress.stage
            lastDecile = -1
        }
        if isTerminal {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.1 || progress.fraction == 1 else { return }
            lastDraw = now
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line(progress))".utf8))
            drewBar = true
        } else if let fraction = progress.fraction {
            let decile = Int(fraction * 10)
            guard decile > lastDecile else { return }
            lastDecile = decile
            FileHandle.standardError.write(Data("\(line(progress))\n".utf8))
        }
    }

    /// Ends the bar's line so later messages start on a fresh one.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)); drewBar = false }
    }

    private func line(_ progress: StageProgress) -> String {
        guard let fraction = progress.fraction, let total = progress.total else {
            return "\(progress.stage): \(String(format: "%.1f", progress.completed))"
        }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        return "\(progress.stage) [\(bar)] \(Int(fraction * 100))% "
            + "(\(String(format: "%.1f", progress.completed))/\(String(format: "%.1f", total)))"
    }
}
