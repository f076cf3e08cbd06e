import AnchorCore
import ArgumentParser
import Foundation
import Gloss
import Lexicon
import Motion
import Pipeline

/// `signanchor animate GLOSSES.json -o OUT.{bvh,jsonl,json}`: the gloss stage's output to animation.
struct AnimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "Animate a gloss sequence (the JSON of 'signanchor gloss --format json') and write BVH, JSON Lines, JSON, .pose or glTF.",
        discussion: "Timed glosses keep their times: each sentence starts no earlier than its source words."
    )

    @Argument(help: "The glosses: JSON written by 'signanchor gloss --format json' (- for stdin).")
    var input: String

    @Option(name: .shortAndLong, help: "Output file: .bvh, .jsonl, .json, .pose or .glb.")
    var output: String

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @OptionGroup var animation: AnimationOptions

    func run() async throws {
        try AnimationOutput.check(output)
        try OutputSafety.check(outputs: [output], inputs: [input])
        let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: input)
        guard let data else { throw CLIError("\(input): no such file or not readable") }
        let sequence: GlossSequence
        do { sequence = try JSONDecoder().decode(GlossSequence.self, from: data) } catch {
            throw CLIError("\(input): not a gloss sequence JSON (write one with 'signanchor gloss --format json')")
        }
        let root = try lexicon ?? LexiconLoader.defaultRoot()
        let signs = try LexiconLoader.load(root: root, signLanguage: sequence.signLanguage)
        // A sign id the lexicon does not have would silently vanish from the animation.
        let unknown = Set(sequence.glosses.flatMap { [$0.entry] + $0.units.map(\.entry) }.compactMap { $0 }
            .filter { signs.entry(id: $0) == nil })
        if !unknown.isEmpty {
            throw CLIError("\(input): \(unknown.count) sign id(s) not in the \(sequence.signLanguage) lexicon: "
                           + unknown.sorted().prefix(5).joined(separator: ", ") + (unknown.count > 5 ? ", …" : ""))
        }
        let (animator, rig) = try animation.animator(lexiconRoot: root)
        let words = animator.avatar.mouthing == nil ? nil : try WordMouthing(root: root, lexicon: signs)
        let track = try GlossAnimation(animator: animator, lexicon: signs, words: words).animate(sequence, fps: animation.fps)
        try AnimationOutput.write(track, rig: rig, to: output, body: try animation.glbBody(track, rig: rig, output: output))
        Console.note(String(format: "%@: %d frames, %.2f s, %d signs", output, track.frames.count, track.duration, track.spans.count))
    }
}
