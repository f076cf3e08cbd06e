import ArgumentParser
import Foundation
import Lexicon

/// `signanchor lexicon bench`: load and lookup times on a lexicon grown to N entries (run by scripts/bench-lexicon).
struct LexiconBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time loading and lookup on a copy of a sign language grown to N entries.")

    @OptionGroup var options: LexiconOptions
    @Option(help: "Entries in the grown lexicon.") var entries: Int = 10_000
    @Option(help: "Lookups to time.") var lookups: Int = 1_000_000

    func run() async throws {
        let source = try options.load()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signanchor-bench-\(getpid())/\(source.info.code)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var grown: [LexiconEntry] = []
        var round = 0
        while grown.count < entries {
            for var entry in source.entries where grown.count < entries {
                if round > 0 {
                    entry.id += ".\(round)"
                    entry.spells = nil
                    entry.words = entry.words.map { var sense = $0; sense.words = sense.words.map { "\($0)\(round)" }; return sense }
                }
                grown.append(entry)
            }
            round += 1
        }
        try Data(EntryWriter.languageFile(source.info).utf8).write(to: folder.appendingPathComponent(LexiconLoader.languageFileName))
        try Data(EntryWriter.file(grown).utf8).write(to: folder.appendingPathComponent("all.txt"))
        let bytes = (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("all.txt").path)[.size] as? Int) ?? 0

        var loadTimes: [Double] = []
        var cpuTimes: [Double] = []
        var lexicon = source
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.cpuMilliseconds()
            lexicon = try LexiconLoader.load(folder: folder.path)
            loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpuTimes.append(Self.cpuMilliseconds() - cpuStart)
        }
        let words = grown.flatMap { $0.words.flatMap(\.words) }
        var found = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<lookups {
            found &+= lexicon.lookup(words[index % words.count]).count
        }
        let perLookup = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(lookups) / 1e3
        let sortedLoad = loadTimes.sorted()
        try Console.emit(String(format: """
            entries: %d (%d KB of text, %d words)
            load: median %.1f ms, best %.1f ms over 5 runs, CPU %.1f ms (all threads)   (target < 200 ms)
            lookup: %.2f µs per word over %d lookups, %d matches   (target < 10 µs)

            """, lexicon.entries.count, bytes / 1024, words.count, sortedLoad[2], sortedLoad[0], cpuTimes.sorted()[2], perLookup, lookups, found), to: nil)
    }

    /// CPU time used by this process so far (user + system, all threads), in milliseconds.
    static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
    }
}
