import Foundation

/// Runs jobs on threads of their own, off Swift's cooperative pool: a job is hours of CPU work without a
/// suspension point, which on the pool would starve the HTTP handlers (a 2-core machine has 2 pool threads).
final class JobExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "signanchor.jobs", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
