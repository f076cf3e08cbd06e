import AnchorCore
import ArgumentParser
import Foundation
import Motion
import Render

/// Options and output shared by the commands that synthesise animation (`animate`, `animate-sign`, `lexicon show --animate`).
struct AnimationOptions: ParsableArguments {
    @Option(help: "Frames per second.")
    var fps: Double = 25

    @Option(help: "Global speed factor (2 = twice as fast).")
    var speed: Double = 1

    @Option(help: "Rig file (default: $SIGNANCHOR_RIG, else .models/avatar/human.rig in the data folders).")
    var rig: String?

    @Option(help: ArgumentHelp("For a .glb output: the look whose mesh the file carries (default $SIGNANCHOR_LOOK, else Rigs/human.look with the default rig; a box per bone for a rig chosen without a look).",
                               valueName: "look"))
    var look: String?

    @OptionGroup var mouthing: MouthingOptions

    func validate() throws {
        guard fps >= 1, fps <= 240 else { throw ValidationError("--fps must be between 1 and 240") }
        guard speed > 0.1, speed <= 10 else { throw ValidationError("--speed must be between 0.1 and 10") }
    }

    /// The body a `.glb` written to `output` carries: the look's mesh with its face units animated from `track`;
    /// nil for other formats, for a mannequin look, and for a rig chosen (--rig, $SIGNANCHOR_RIG) without a look
    /// (--look, $SIGNANCHOR_LOOK): the default look's mesh is bound to the default rig.
    func glbBody(_ track: AnimationTrack, rig: Rig, output: String) throws -> GLBBody? {
        let lookChosen = look != nil || DataSet.look.environmentValue != nil
        let rigChosen = self.rig != nil || DataSet.rig.environmentValue != nil
        guard AnimationFormat(path: output) == .glb, lookChosen || !rigChosen else { return nil }
        let geometry = AvatarGeometry(rig: rig, look: try AvatarLook.load(path: try look ?? DataSet.look.path(), rig: rig))
        return geometry.glbBody(for: track)
    }

    /// The synthesiser for the chosen rig and speed, mouthing unless --no-mouthing (SAMPA read from `lexiconRoot`).
    func animator(lexiconRoot: @autoclosure () throws -> String) throws -> (Animator, Rig) {
        let loaded = try Rig.load(path: try rig ?? DataSet.rig.path())
        var timing = Timing()
        timing.speed = speed
        var avatar = try Avatar(rig: loaded)
        avatar.mouthing = try mouthing.mouthing(rig: loaded, lexiconRoot: lexiconRoot)
        return (Animator(avatar: avatar, timing: timing), loaded)
    }
}

/// Writing an animation in the format its file name asks for.
enum AnimationOutput {
    /// The extensions understood: BVH, JSON Lines (streaming), the track's JSON, pose-format's `.pose`, binary glTF.
    static let formats = AnimationFormat.allCases.map(\.rawValue)

    /// Fails early, before any work, when `path` names no known format.
    @discardableResult
    static func check(_ path: String) throws -> AnimationFormat {
        guard let format = AnimationFormat(path: path) else {
            throw CLIError("\(path): the output must end in .bvh, .jsonl, .json, .pose or .glb")
        }
        return format
    }

    /// Writes `track` (for `rig`) to `path`, whole or not at all.
    static func write(_ track: AnimationTrack, rig: Rig, to path: String, body: GLBBody? = nil) throws {
        try AtomicOutput.write(try check(path).document(track, rig: rig, body: body), to: path)
    }
}
