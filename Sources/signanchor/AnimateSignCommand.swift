import AnchorCore
import ArgumentParser
import Foundation
import Motion

/// `signanchor animate-sign --sigml FILE… -o OUT.{bvh,jsonl,json}`: synthesise G-SiGML signs as one phrase.
struct AnimateSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate-sign",
        abstract: "Synthesise G-SiGML signs on the avatar and write the animation (BVH, JSON Lines or JSON)."
    )

    @Option(name: .customLong("sigml"), help: "A G-SiGML file (repeat for a phrase).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Output file: .bvh, .jsonl or .json (the AnimationTrack).")
    var output: String

    @Option(help: "Frames per second.")
    var fps: Double = 25

    @Option(help: "Global speed factor (2 = twice as fast).")
    var speed: Double = 1

    @Flag(help: "Spell the signs as letters (about 3 per second, last held).")
    var fingerspell = false

    @Option(help: "Rig file (default: $SIGNANCHOR_RIG, else Rigs/adult.rig here or beside the program).")
    var rig: String = ResourcePaths.file("Rigs/adult.rig", environment: "SIGNANCHOR_RIG")

    func run() async throws {
        guard !files.isEmpty else { throw CLIError("give at least one --sigml FILE") }
        guard fps >= 1, fps <= 240 else { throw CLIError("--fps must be between 1 and 240") }
        guard speed > 0.1, speed <= 10 else { throw CLIError("--speed must be between 0.1 and 10") }
        let format = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ["bvh", "jsonl", "json"].contains(format) else { throw CLIError("\(output): the output must end in .bvh, .jsonl or .json") }
        let loadedRig = try Rig.load(path: rig)
        let signs = try files.flatMap { try SiGMLReader.signs(path: $0) }
        var timing = Timing()
        timing.speed = speed
        let items: [PhraseItem] = fingerspell ? [.fingerspelling(signs)] : signs.map { .sign($0) }
        let (track, _) = try Animator(avatar: try Avatar(rig: loadedRig), timing: timing).animate(items, fps: fps)
        switch format {
        case "bvh": try Console.emit(BVHWriter.document(track, rig: loadedRig), to: output)
        case "jsonl": try Console.emit(try JSONLinesWriter.document(track), to: output)
        default: try Console.emit(try JSON.encode(track), to: output)
        }
        Console.note(String(format: "%@: %d frames, %.2f s, %d signs", output, track.frames.count, track.duration, track.spans.count))
    }
}
