import AnchorCore
import Foundation
import Pipeline

/// The server's anchor jobs: at most `limit` run at once on their own threads, the rest wait in order.
/// Jobs run detached from the request that made them, so a client may disconnect and poll later. Their files live
/// in one temporary folder of the server, removed at shutdown; the oldest finished jobs are forgotten past `kept`.
actor JobQueue {
    /// The server's job folder.
    let folder: URL
    private let limit: Int
    private let kept: Int
    private let executor = JobExecutor()
    private var records: [String: JobRecord] = [:]
    private var order: [String] = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates the job folder.
    /// - Throws: ``ServiceError/failed(_:)`` when it cannot be made.
    init(limit: Int, kept: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("signanchor-serve-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ServiceError.failed("\(folder.path): cannot create the job folder: \(error.localizedDescription)")
        }
        // A forced exit (a second signal) removes it too.
        TemporaryFiles.register(folder.path)
        self.limit = max(1, limit)
        self.kept = max(1, kept)
    }

    /// A new queued job with its own empty folder, not yet started.
    func create(signLanguage: String?) throws -> JobRecord {
        let id = UUID().uuidString.lowercased()
        let record = JobRecord(id: id, folder: folder.appendingPathComponent(id), signLanguage: signLanguage)
        do {
            try FileManager.default.createDirectory(at: record.folder, withIntermediateDirectories: false)
        } catch {
            throw ServiceError.failed("\(record.folder.path): cannot create the job's folder: \(error.localizedDescription)")
        }
        return record
    }

    /// Removes a job that was never started (its upload failed).
    func discard(_ record: JobRecord) {
        try? FileManager.default.removeItem(at: record.folder)
    }

    /// Queues `job` on the record's upload, with a ready `transcript` or nil for speech recognition.
    func submit(_ record: JobRecord, job: AnchorJob, transcript: Transcript?) {
        records[record.id] = record
        order.append(record.id)
        tasks[record.id] = Task(executorPreference: executor) {
            await self.acquire()
            if Task.isCancelled {
                record.fail("the server stopped before the job started")
            } else {
                record.start()
                do {
                    var report = try await job.run(input: record.input.path, transcript: transcript,
                                                   transcriptSource: transcript == nil ? "whisper" : "text",
                                                   output: record.output.path, progress: { record.update($0) }).report
                    (report.input, report.output) = ("upload", "/jobs/\(record.id)/result")
                    record.finish(report: try JSON.data(report), signLanguage: report.signLanguage)
                } catch is CancellationError {
                    record.fail("the server stopped during the job")
                } catch {
                    record.fail(ErrorResponse(error).error)
                }
            }
            await self.release(record.id)
        }
        prune()
    }

    /// The job with this id.
    /// - Throws: ``ServiceError/notFound(_:)``.
    func record(_ id: String) throws -> JobRecord {
        guard let record = records[id] else { throw ServiceError.notFound("no job '\(id)'") }
        return record
    }

    /// Stops every job, waits up to `seconds` for their threads to leave the work (the Whisper, render and encode
    /// loops check cancellation), and removes the job folder.
    func shutdown(within seconds: Double) async {
        let jobs = Array(tasks.values)
        jobs.forEach { $0.cancel() }
        waiting.forEach { $0.resume() }
        waiting = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask { for task in jobs { await task.value } }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            await group.next()
            group.cancelAll()
        }
        TemporaryFiles.finish(folder.path) { try? FileManager.default.removeItem(at: folder) }
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// A job ended: its slot goes to the next waiting job, or is freed.
    private func release(_ id: String) {
        tasks[id] = nil
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
        prune()
    }

    /// Forgets the oldest finished jobs, and their files, beyond `kept`.
    private func prune() {
        var excess = order.count - kept
        for id in order where excess > 0 && tasks[id] == nil {
            records[id].map { try? FileManager.default.removeItem(at: $0.folder) }
            records[id] = nil
            excess -= 1
        }
        order.removeAll { records[$0] == nil }
    }
}
