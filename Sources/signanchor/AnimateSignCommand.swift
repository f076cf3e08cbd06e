import AnchorCore
import ArgumentParser
import Foundation
import Lexicon
import Motion

/// `signanchor animate-sign --sigml FILE… -o OUT.{bvh,jsonl,json}`: synthesise G-SiGML signs as one phrase.
struct AnimateSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate-sign",
        abstract: "Synthesise G-SiGML signs on the avatar and write the animation (BVH, JSON Lines or JSON)."
    )

    @Option(name: .customLong("sigml"), help: "A G-SiGML file (repeat for a phrase).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output file: .bvh, .jsonl, .json (the AnimationTrack), .pose or .glb.")
    var output: String

    @Flag(help: "Spell the signs as letters (about 3 per second, last held).")
    var fingerspell = false

    @OptionGroup var animation: AnimationOptions

    func run() async throws {
        guard !files.isEmpty else { throw CLIError("give at least one --sigml FILE") }
        try AnimationOutput.check(output)
        try OutputSafety.check(outputs: [output], inputs: files)
        let (animator, rig) = try animation.animator(lexiconRoot: LexiconLoader.defaultRoot())
        var report = SiGMLImportReport()
        let signs = try files.flatMap { try SignDescription.signs(sigmlFile: $0, report: &report) }
        if !report.unsupported.isEmpty {
            let items = report.unsupported.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            Console.note("left out what the sign vocabulary does not support: \(items.joined(separator: ", "))")
        }
        let items: [PhraseItem] = fingerspell ? [.fingerspelling(signs)] : signs.map { .sign($0) }
        let track = try animator.animate(items, fps: animation.fps).track
        try AnimationOutput.write(track, rig: rig, to: output, body: try animation.glbBody(track, rig: rig, output: output))
        Console.note(String(format: "%@: %d frames, %.2f s, %d signs", output, track.frames.count, track.duration, track.spans.count))
    }
}
