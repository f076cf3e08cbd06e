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

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ here or beside the program).")
    var lexicon: String?

    @OptionGroup var animation: AnimationOptions

    func run() async throws {
        try AnimationOutput.check(output)
        let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: input)
        guard let data else { throw CLIError("\(input): no such file or not readable") }
        let sequence: GlossSequence
        do { sequence = try JSONDecoder().decode(GlossSequence.self, from: data) } catch {
            throw CLIError("\(input): not a gloss sequence JSON (write one with 'signanchor gloss --format json')")
        }
        let signs = try LexiconLoader.load(root: lexicon ?? LexiconLoader.defaultRoot(), signLanguage: sequence.signLanguage)
        let (animator, rig) = try animation.animator()
        let track = try GlossAnimation(animator: animator, lexicon: signs).animate(sequence, fps: animation.fps)
        try AnimationOutput.write(track, rig: rig, to: output)
        Console.note(String(format: "%@: %d frames, %.2f s, %d signs", output, track.frames.count, track.duration, track.spans.count))
    }
}
