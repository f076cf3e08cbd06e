import AnchorCore
import Foundation

/// Rendered sign and sentence videos on disk, named by a hash of what they show (`<key>.mp4`), kept under a bound
/// in bytes: when a new video pushes the folder over it, the least recently used videos go first.
///
/// Concurrent requests for one video share one render; a render goes on when its client hangs up (the next request
/// finds it done). Renders write `partial-<key>.<ext>` and rename it, so the cache never holds half a video; partial
/// files left by a killed server are removed at start-up.
actor VideoCache {
    /// The folder.
    let folder: String
    /// The bound, bytes.
    let limit: Int
    /// Last use of each cached file by name: its modification time at start-up, then every time it is served.
    private var lastUse: [String: Date] = [:]
    private var sizes: [String: Int] = [:]
    private var renders: [String: Task<Void, any Error>] = [:]
    /// Threads for rendering, off the cooperative pool (a render is seconds of CPU).
    private static let executor = JobExecutor()

    /// Opens (or makes) the cache folder and reads what it holds.
    /// - Throws: ``ServiceError/failed(_:)`` when the folder cannot be made or read.
    init(folder: String, limit: Int) throws {
        self.folder = folder
        self.limit = limit
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
        let task: Task<Void, any Error>
        if let running = renders[name] {
            task = running
        } else {
            let (partial, final) = (path("partial-\(name)"), path(name))
            task = Task.detached {
                try await withTaskExecutorPreference(Self.executor) {
                    do {
                        try render(partial)
                        guard rename(partial, final) == 0 else { throw ServiceError.failed("\(final): cannot store the video") }
                    } catch {
                        try? FileManager.default.removeItem(atPath: partial)
                        throw error
                    }
                }
            }
            renders[name] = task
        }
        do {
            try await task.value
        } catch {
            renders[name] = nil
            throw error
        }
        if renders.removeValue(forKey: name) != nil {
            sizes[name] = ((try? FileManager.default.attributesOfItem(atPath: path(name)))?[.size] as? NSNumber)?.intValue ?? 0
            lastUse[name] = Date()
            evict(keeping: name)
        }
        return name
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
