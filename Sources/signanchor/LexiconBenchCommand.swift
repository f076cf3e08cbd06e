import AnchorCore
import ArgumentParser
import Foundation
import Lexicon
import Motion
import Pipeline

/// `signanchor lexicon bench`: load and lookup times on a lexicon grown to N entries, and a real start-up: every
/// sign language of the lexicon loaded with its word tools, translator and text analysers (run by scripts/bench-lexicon).
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
                    entry.words = entry.words.map { sense in
                        var sense = sense
                        sense.words = sense.words.map { "\($0)\(round)" }
                        sense.signsInWords = false  // no longer single characters
                        return sense
                    }
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
        if startup { try measureStartup() }
    }

    @Flag(inversion: .prefixedNo, help: "Also time a real start-up: every sign language of the lexicon loaded as the service does.")
    var startup = true

    @Option(help: "Rig file for the start-up timing (default: $SIGNANCHOR_RIG, else .models/avatar/human.rig in the data folders).")
    var rig: String?

    /// Times loading every sign language under the root as `serve` does (``SigningKit``: lexicon, segmenter, pinyin,
    /// lemmatizer, thesaurus, gloss grammar, text analysers, mouthing), and the dictionaries alone, median of 5 runs. The
    /// first run is reported apart: spoken-language files read once per process are cached for the later ones, so
    /// only the first is what a real start-up pays.
    private func measureStartup() throws {
        let codes = try LexiconLoader.signLanguageFolders(root: options.root).map { ($0 as NSString).lastPathComponent }
        let loadedRig = try Rig.load(path: try rig ?? DataSet.rig.path())
        // As serve loads them: with the mouth shapes, so each sign mouths its word.
        let visemes = DataSet.visemes.locate()
        var kitTimes: [Double] = []
        var lexiconTimes: [Double] = []
        var entries = 0
        for _ in 0..<5 {
            var start = DispatchTime.now().uptimeNanoseconds
            entries = try codes.reduce(0) { $0 + (try LexiconLoader.load(root: options.root, signLanguage: $1)).entries.count }
            lexiconTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            start = DispatchTime.now().uptimeNanoseconds
            _ = try SigningKit.loadAll(root: options.root, signLanguages: codes, rig: loadedRig, visemes: visemes)
            kitTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        try Console.emit(String(format: """
            start-up (%@, %d entries): dictionaries %.1f ms (median of 5); everything a sign language needs %.1f ms \
            the first time in a process (a real start-up; %.1f ms median of the 4 later runs, spoken data cached)   (target < 300 ms)

            """, codes.joined(separator: " + "), entries, lexiconTimes.sorted()[2], kitTimes[0], kitTimes.dropFirst().sorted()[1]), to: nil)
    }

    /// CPU time used by this process so far (user + system, all threads), in milliseconds.
    static func cpuMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
    }
}
