import Foundation
import Lexicon
@testable import Motion
import TestSupport

/// The shipped rig and the ngt-sigml signs, loaded once for all tests.
enum Fixtures {
    static let rig: Rig = try! Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
    static let avatar: Avatar = try! Avatar(rig: rig)
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
