import AnchorCore
import Dispatch
import Foundation

/// SIGINT, SIGTERM and SIGHUP for every command: the files a run has not finished (atomic outputs' partial files,
/// spooled stdin; see ``TemporaryFiles``) are removed and the process exits with 128 + the signal (130, 143, 129).
///
/// A command that can end cleanly on a signal (a live run writes its report; `serve` stops its jobs) sets
/// ``onFirstSignal``: the first signal calls it instead of exiting, and the run must end within ``grace``
/// seconds; a second signal, or the end of the grace period, exits at once. The exit is `_exit`, not `exit`:
/// atexit handlers (OpenBLAS's thread shutdown) must not run while a worker thread may still be busy.
enum SignalGuard {
    /// The signals handled.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private static let queue = DispatchQueue(label: "signanchor.signals")
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    nonisolated(unsafe) private static var cooperative: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var graceSeconds = 4.0
    private static let lock = NSLock()
    nonisolated(unsafe) private static var first: Int32 = 0

    /// Installs the handlers; idempotent. Called once at start-up, before any file is made.
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handle(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Makes the first signal call `stop` (which ends the run cleanly) instead of exiting; the process is still
    /// made to exit `grace` seconds later if the run has not ended by then.
    static func onFirstSignal(grace: Double, _ stop: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        cooperative = stop
        graceSeconds = grace
    }

    /// The first signal received, 0 when none.
    static var received: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return first
    }

    /// After a cooperative run has ended: exits as the signal asks, if one came.
    static func exitIfSignalled() {
        let signal = received
        if signal != 0 { exitNow(signal) }
    }

    /// Removes the unfinished files and exits with 128 + `signal`.
    static func exitNow(_ signal: Int32) -> Never {
        TemporaryFiles.removeAllBeforeExit()
        fflush(nil)  // stdio's buffers (print) go out; nil flushes every stream
        _exit(128 + signal)
    }

    private static func handle(_ signal: Int32) {
        lock.lock()
        let isFirst = first == 0
        if isFirst { first = signal }
        let stop = isFirst ? cooperative : nil
        let grace = graceSeconds
        lock.unlock()
        guard let stop else {
            if isFirst { note("stopped by \(name(signal)); unfinished files removed") }
            exitNow(signal)
        }
        note("\(name(signal)): stopping (a second signal stops at once)")
        stop()
        queue.asyncAfter(deadline: .now() + grace) {
            note("did not stop within \(Int(grace)) s; exiting")
            exitNow(signal)
        }
    }

    private static func note(_ message: String) {
        FileHandle.standardError.write(Data("\nsignanchor: \(message)\n".utf8))
    }

    private static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}
