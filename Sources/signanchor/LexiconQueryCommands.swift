import AnchorCore
import ArgumentParser
import Foundation
import Lexicon
import Motion
import Pipeline

/// `signanchor lexicon lookup WORD`: the signs for a word, gloss or id, variants in priority order.
struct LexiconLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "The signs for a word, gloss or id, variants in priority order.")

    @OptionGroup var options: LexiconOptions
    @Argument(help: "A word or multiword expression, a gloss or an entry id.") var word: String
    @Option(help: "Only words of this spoken language (zh-Hans, en).") var language: String?
    @Option(help: "Prefer senses with this part of speech.") var pos: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let lexicon = try options.load()
        let partOfSpeech = try pos.map { name in
            guard let value = PartOfSpeech(rawValue: name) else { throw CLIError("unknown part of speech '\(name)'") }
            return value
        }
        let matches = try lexicon.lookup(word, language: language, partOfSpeech: partOfSpeech) {
            try EnglishLemmatizer(lexicon: lexicon, root: options.root)
        }
        guard !matches.isEmpty else { throw LexiconError.notFound(word, signLanguage: lexicon.info.code) }
        switch format {
        case .json:
            try Console.emit(try JSON.encode(matches.map(LookupResult.init)), to: nil)
        case .text:
            try Console.emit(matches.enumerated().map { "\($0.offset + 1). " + LexiconText.summary($0.element.entry) }
                .joined(separator: "\n") + "\n", to: nil)
        }
    }
}

/// `signanchor lexicon search QUERY`: prefix, substring and pinyin matches, ranked.
struct LexiconSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find entries by prefix, substring or pinyin of their words, gloss or id.")

    @OptionGroup var options: LexiconOptions
    @Argument(help: "The text to look for.") var query: String
    @Option(help: "The most results to show.") var limit: Int = 20
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, not \(limit)") }
    }

    func run() async throws {
        let lexicon = try options.load()
        let pinyin = lexicon.info.fingerspelling == .pinyin ? try Pinyin(root: options.root) : nil
        let hits = lexicon.search(query, pinyin: pinyin, limit: limit)
        switch format {
        case .json:
            try Console.emit(try JSON.encode(hits.map(SearchResult.init)), to: nil)
        case .text:
            try Console.emit(hits.map { "\($0.rank)\t\($0.matched)\t" + LexiconText.summary($0.entry) }
                .joined(separator: "\n") + (hits.isEmpty ? "" : "\n"), to: nil)
        }
    }
}

/// `signanchor lexicon show ID`: one entry in full, as text, JSON or SiGML.
struct LexiconShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one entry in full.")

    /// How `show` prints an entry.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sigml
    }

    @OptionGroup var options: LexiconOptions
    @Argument(help: "The entry id.") var id: String
    @Option(help: "Output format: text, json or sigml.") var format: Format = .text
    @Flag(help: "Synthesise the sign on the avatar and write it to -o (.bvh, .jsonl, .json, .pose or .glb).") var animate = false
    @Option(name: .shortAndLong, help: "With --animate: the animation file.") var output: String?
    @OptionGroup var animation: AnimationOptions

    func run() async throws {
        let lexicon = try options.load()
        guard let entry = lexicon.entry(id: id) else { throw LexiconError.notFound(id, signLanguage: lexicon.info.code) }
        if animate {
            guard let output else { throw CLIError("--animate needs -o FILE.bvh, .jsonl, .json, .pose or .glb") }
            try AnimationOutput.check(output)
            let (animator, rig) = try animation.animator(lexiconRoot: options.root)
            let words = animator.avatar.mouthing == nil ? nil : try WordMouthing(root: options.root, lexicon: lexicon)
            let sign = GlossAnimation(animator: animator, lexicon: lexicon, words: words).sign(entry)
            let track = try animator.animate([.sign(sign)], fps: animation.fps).track
            try AnimationOutput.write(track, rig: rig, to: output, body: try animation.glbBody(track, rig: rig, output: output))
            return
        }
        switch format {
        case .text:
            let origin = lexicon.origin(id: id).map { "# \($0)\n" } ?? ""
            try Console.emit(origin + EntryWriter.text(entry) + "\n", to: nil)
        case .json: try Console.emit(try JSON.encode(entry), to: nil)
        case .sigml: try Console.emit(SiGMLExporter.document([entry]), to: nil)
        }
    }
}
