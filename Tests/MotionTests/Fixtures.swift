import Foundation
import Lexicon
@testable import Motion
import TestSupport

/// The shipped rig and the ngt-sigml signs, loaded once for all tests.
enum Fixtures {
    static let rig: Rig = try! Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
    /// The avatar as the program makes it: mouthing with the shipped mouth shapes (SAMPA pictures of imported signs).
    static let avatar: Avatar = {
        var avatar = try! Avatar(rig: rig)
        avatar.mouthing = try! Mouthing(path: TestFiles.packageRoot.appendingPathComponent("Rigs/visemes.txt").path, rig: rig,
                                        sampa: VisemeSpeller(root: TestFiles.packageRoot.appendingPathComponent("Lexicon").path,
                                                             language: "sampa"))
        return avatar
    }()
    static let ngtFolder = TestFiles.sharedData.appendingPathComponent("ngt-sigml")
    static let ngtSigns: [SignDescription] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: ngtFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".sigml") }.sorted().flatMap { name in
            var report = SiGMLImportReport()
            return (try? SignDescription.signs(sigmlFile: ngtFolder.appendingPathComponent(name).path, report: &report)) ?? []
        }
    }()
    static func sign(_ file: String) throws -> SignDescription {
        var report = SiGMLImportReport()
        return try SignDescription.signs(sigmlFile: ngtFolder.appendingPathComponent(file).path, report: &report)[0]
    }
}
