import AnchorCore
import Foundation
import Lexicon
import Motion
import Pipeline
import Render
import Whisper

/// What the server loads once at start-up and shares across requests: each sign language, the avatar,
/// and the speech model when it is installed.
struct ServiceResources: Sendable {
    /// Each loaded sign language by code.
    let kits: [String: SigningKit]
    /// The avatar: rig for synthesis, look for rendering jobs.
    let geometry: AvatarGeometry
    /// A hash of the rig file and every file of the look (includes, mesh): cached videos are keyed by it, so a changed
    /// avatar renders anew.
    let avatarDigest: String
    /// The speech model, nil when none is installed at the configured path (jobs then need `text`).
    let model: WhisperModel?
    /// What was asked for: where the data came from.
    let options: ServiceOptions

    /// Loads everything `options` names.
    /// - Throws: the first stage error (a broken lexicon, rig or model), which stops the server from starting.
    init(options: ServiceOptions) throws {
        self.options = options
        let rig = try Rig.load(path: options.rigPath)
        let look = try AvatarLook.load(path: options.lookPath, rig: rig)
        var digest = ContentHash()
        // The look's includes and mesh too: a new palette or a re-converted mesh renders anew.
        for path in [options.rigPath] + look.files {
            do {
                digest.addField(try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw ServiceError.failed("\(path): cannot read: \((error as NSError).localizedDescription)")
            }
        }
        avatarDigest = digest.hex
        geometry = AvatarGeometry(rig: rig, look: look)
        kits = try SigningKit.loadAll(root: options.lexiconRoot, signLanguages: options.signLanguages, rig: rig, visemes: options.visemesPath)
        model = FileManager.default.fileExists(atPath: options.modelPath) ? try WhisperModel(path: options.modelPath) : nil
    }

    /// The loaded sign language `code`.
    /// - Throws: ``ServiceError/badRequest(_:)`` naming the loaded ones.
    func kit(_ code: String) throws -> SigningKit {
        guard let kit = kits[code] else {
            throw ServiceError.badRequest("unknown sign language '\(code)' (loaded: \(kits.keys.sorted().joined(separator: ", ")))")
        }
        return kit
    }
}
