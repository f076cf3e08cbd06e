import AnchorCore
import ArgumentParser
import Lexicon
import Motion

/// `--no-mouthing`: whether the avatar mouths the signed words (docs/mouthing.md), and the mouth shapes it uses.
struct MouthingOptions: ParsableArguments {
    @Flag(help: "Sign without mouthing: neither the words nor the signs' mouth pictures (their mouth gestures still show).")
    var noMouthing = false

    /// The avatar's mouth shapes (`Rigs/visemes.txt`, or $SIGNANCHOR_VISEMES); nil with --no-mouthing.
    func visemesPath() throws -> String? {
        noMouthing ? nil : try DataSet.visemes.path()
    }

    /// The mouthing of an avatar on `rig`, reading imported signs' SAMPA pictures from the lexicon folder `root`
    /// (only looked for when mouthing is on); nil with --no-mouthing.
    func mouthing(rig: Rig, lexiconRoot root: () throws -> String) throws -> Mouthing? {
        try visemesPath().map { try Mouthing(path: $0, rig: rig, sampa: VisemeSpeller(root: try root(), language: "sampa")) }
    }
}
