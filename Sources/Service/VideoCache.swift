import AnchorCore
import Foundation

/// Rendered sign and sentence videos on disk, named by a hash of what they show (`<key>.mp4`), kept under a bound
/// in bytes: when a new video pushes the folder over it, the least recently used videos go first.
///
/// Concurrent requests for one video share one render; a render goes on when its client hangs up (the next request
/// finds it done); renders wait for a free slot. Each render writes a partial file of its own and renames it, so the
/// cache never holds half a video; partial files left by a killed server are removed at start-up.
actor VideoCache {
    /// The folder.
    let folder: String
    /// The bound, bytes.
    let limit: Int
    /// Last use of each cached file by name: its modification time at start-up, then every time it is served.
    private var lastUse: [String: Date] = [:]
    /// Bytes of each cached file by name.
    private var sizes: [String: Int] = [:]
    /// The render running for each file name not cached yet.
    private var renders: [String: Task<Void, any Error>] = [:]
    /// Renders at once: each is seconds of CPU on every core it can get, so more would only slow all of them.
    private let slots: RenderSlots
    /// Threads for rendering, off the cooperative pool (a render is seconds of CPU).
    private static let executor = JobExecutor()

    /// Opens (or makes) the cache folder and reads what it holds.
    /// - Throws: ``ServiceError/failed(_:)`` when the folder cannot be made or read.
    init(folder: String, limit: Int, concurrentRenders: Int = 1) throws {
        self.folder = folder
        self.limit = limit
        slots = RenderSlots(concurrentRenders)
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in try manager.contentsOfDirectory(atPath: folder) {
                let path = (folder as NSString).appendingPathComponent(name)
                if name.hasPrefix("partial-") {
                    try? manager.removeItem(atPath: path)
                } else if Self.isVideo(name), let attributes = try? manager.attributesOfItem(atPath: path) {
                    lastUse[name] = attributes[.modificationDate] as? Date ?? .distantPast
                    sizes[name] = (attributes[.size] as? NSNumber)?.intValue ?? 0
                }
            }
        } catch {
            throw ServiceError.failed("\(folder): cannot use as the video cache: \((error as NSError).localizedDescription)")
        }
        guard manager.isWritableFile(atPath: folder) else { throw ServiceError.failed("\(folder): the video cache folder is not writable") }
    }

    /// Bytes the cached videos take.
    var bytes: Int { sizes.values.reduce(0, +) }

    /// The name of the cached file for `key` and `fileExtension` (`mp4`, `webm`), made by `render(path)` first when it
    /// is not cached yet.
    func file(key: String, fileExtension: String, render: @escaping @Sendable (String) throws -> Void) async throws -> String {
        let name = "\(key).\(fileExtension)"
        if sizes[name] != nil, FileManager.default.fileExists(atPath: path(name)) {
            lastUse[name] = Date()
            return name
        }
        // One render per name: later requests wait for the running one. Only the render itself removes its entry,
        // when it has finished, so a second render of a name never starts while the first runs.
        let task = renders[name] ?? start(name, render)
        try await task.value
        lastUse[name] = Date()
        return name
    }

    /// Starts rendering `name` when a render slot is free: into a partial file of its own, renamed when complete.
    private func start(_ name: String, _ render: @escaping @Sendable (String) throws -> Void) -> Task<Void, any Error> {
        let (partial, final) = (path("partial-\(UUID().uuidString)-\(name)"), path(name))
        let slots = slots
        let task = Task.detached {
            await slots.acquire()
            do {
                try await withTaskExecutorPreference(Self.executor) {
                    try render(partial)
                    guard rename(partial, final) == 0 else { throw ServiceError.failed("\(final): cannot store the video") }
                }
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                await slots.release()
                await self.finished(name, stored: false)
                throw error
            }
            await slots.release()
            await self.finished(name, stored: true)
        }
        renders[name] = task
        return task
    }

    /// Bookkeeping when the render of `name` ends: its size, its use, and eviction of older videos.
    private func finished(_ name: String, stored: Bool) {
        renders[name] = nil
        guard stored else { return }
        sizes[name] = ((try? FileManager.default.attributesOfItem(atPath: path(name)))?[.size] as? NSNumber)?.intValue ?? 0
        lastUse[name] = Date()
        evict(keeping: name)
    }

    /// Removes the least recently used videos until the cache is within its bound (`keeping` stays, even alone over it).
    private func evict(keeping: String) {
        var total = bytes
        for (name, _) in lastUse.sorted(by: { $0.value < $1.value }) where total > limit && name != keeping {
            try? FileManager.default.removeItem(atPath: path(name))
            total -= sizes[name] ?? 0
            sizes[name] = nil
            lastUse[name] = nil
        }
    }

    private func path(_ name: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    private static func isVideo(_ name: String) -> Bool {
        name.hasSuffix(".mp4") || name.hasSuffix(".webm")
    }
}
