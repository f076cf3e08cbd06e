import Foundation
import ServiceLifecycle

/// The first service to hear of a graceful shutdown (SIGINT, SIGTERM, SIGHUP): it stops what would keep the HTTP
/// server from finishing its requests (live streams, which never end by themselves) and the jobs, whose threads must
/// be idle before the process exits. The server then closes its connections.
struct ShutdownHook: ServiceLifecycle.Service {
    /// Stops the live streams and jobs; returns when they have stopped (or a deadline passed). `requested` is true
    /// for a shutdown asked for (a signal), false when the group was cancelled because a service failed.
    let stop: @Sendable (_ requested: Bool) async -> Void

    func run() async throws {
        var requested = true
        do { try await gracefulShutdown() } catch { requested = false }
        await stop(requested)
    }
}

/// The server's open `GET /live` runs, so a shutdown can end them.
final class LiveRuns: @unchecked Sendable {
    // @unchecked: `runs` and `stopped` are only touched with `lock` held.
    private let lock = NSLock()
    private var runs: [UUID: Task<Void, Never>] = [:]
    private var stopped = false

    /// Remembers a run until it ends; a run started after shutdown began is cancelled at once.
    func add(_ task: Task<Void, Never>) -> UUID {
        let id = UUID()
        lock.lock()
        if stopped { task.cancel() } else { runs[id] = task }
        lock.unlock()
        return id
    }

    /// Whether a shutdown was asked for (by a signal), as opposed to the server failing.
    private(set) var shutdownRequested: Bool {
        get { lock.withLock { requested } }
        set { lock.withLock { requested = newValue } }
    }
    private var requested = false

    /// Records that a signal asked the server to stop.
    func requestShutdown() { shutdownRequested = true }

    /// The run ended.
    func remove(_ id: UUID) {
        lock.lock()
        runs[id] = nil
        lock.unlock()
    }

    /// Ends every run (each finishes its stream with its report) and waits up to `seconds` for them.
    func stopAll(within seconds: Double) async {
        let tasks = lock.withLock {
            stopped = true
            return Array(runs.values)
        }
        tasks.forEach { $0.cancel() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for task in tasks { await task.value } }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            await group.next()
            group.cancelAll()
        }
    }
}
