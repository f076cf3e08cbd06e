import AnchorCore
import Foundation

/// One job's state, updated by its worker and read by status requests; thread-safe.
final class JobRecord: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.

    /// Where a job is in its life.
    enum State: String, Encodable {
        case queued, running, done, failed
    }

    /// What `GET /jobs/{id}` answers.
    struct Status: Encodable {
        var id: String
        var status: State
        var stage: String?
        var progress: Double
        var error: String?
        /// The sign language asked for, or once the job has run the one its speech chose; nil before then.
        var signLanguage: String?
    }

    /// The job's id (also its folder's name).
    let id: String
    /// The job's folder: the upload, the video, the report.
    let folder: URL
    /// Where each stage's share of the whole job starts and ends (transcription is the slow part).
    private static let stageSpans: [String: (Double, Double)] = ["transcribing": (0, 0.5), "distilling": (0.5, 0.6), "rendering": (0.6, 1)]

    private let lock = NSLock()
    private var state = State.queued
    private var stage: String?
    private var progress = 0.0
    private var error: String?
    private var report: Data?
    private var signLanguage: String?

    /// A queued job.
    init(id: String, folder: URL, signLanguage: String?) {
        self.id = id
        self.folder = folder
        self.signLanguage = signLanguage
    }

    /// The uploaded media.
    var input: URL { folder.appendingPathComponent("input") }
    /// The video the job writes.
    var output: URL { folder.appendingPathComponent("signed.mp4") }

    /// A snapshot for status requests.
    var status: Status {
        lock.withLock { Status(id: id, status: state, stage: stage, progress: progress, error: error, signLanguage: signLanguage) }
    }

    /// The finished job's JSON report, nil before then.
    var finishedReport: Data? { lock.withLock { state == .done ? report : nil } }

    /// The job has a worker.
    func start() { lock.withLock { state = .running } }

    /// A progress report of the running stage, turned into the whole job's fraction.
    func update(_ report: StageProgress) {
        lock.withLock {
            stage = report.stage
            guard let (from, to) = Self.stageSpans[report.stage] else { return }
            progress = max(progress, from + (to - from) * (report.fraction ?? 0))
        }
    }

    /// The job succeeded with this report, signed in `signLanguage`.
    func finish(report: Data, signLanguage: String) {
        lock.withLock {
            self.signLanguage = signLanguage
            state = .done
            stage = nil
            progress = 1
            self.report = report
        }
    }

    /// The job failed.
    func fail(_ message: String) {
        lock.withLock {
            state = .failed
            error = message
        }
    }
}
