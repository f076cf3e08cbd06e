import Foundation
@testable import Motion
import Testing
import TestSupport

/// The animation of every lexicon entry (csl, asl) and every ngt-sigml sign against committed checksums, so that a
/// change meant to leave the motion alone (a refactoring) cannot change it unnoticed.
///
/// `Fixtures/animation-digests.tsv` has one line per sign: its name, a checksum of its input (the SiGML file, or the
/// entry's phonology) and a checksum of its track (every value rounded to 1e-6; or of the error message). A sign
/// whose input changed since the file was written is skipped and counted, as lexicon entries are edited as data.
/// When the motion is changed on purpose, regenerate the file: `SIGNANCHOR_UPDATE_ANIMATION_DIGESTS=1`.
/// With `SIGNANCHOR_ANIMATION_REFERENCE=DIR`, each sign's whole track is also written to DIR (JSON Lines and raw
/// doubles) when DIR has none yet, or else compared with what DIR holds, to 1e-9: the full before/after check.
@Suite("Animation against the committed reference")
struct AnimationReferenceTests {
    static let digestFile = TestFiles.packageRoot.appendingPathComponent("Tests/MotionTests/Fixtures/animation-digests.tsv")

    @Test func everySignAnimatesAsRecorded() throws {
        let environment = ProcessInfo.processInfo.environment
        let reference = environment["SIGNANCHOR_ANIMATION_REFERENCE"].map(FullReference.init(folder:))
        let rows = try AnimationReference.run(avatar: Fixtures.avatar, packageRoot: TestFiles.packageRoot,
                                              ngtFolder: Fixtures.ngtFolder, reference: reference)
        if let reference {
            print(reference.summary)
            #expect(reference.mismatches.isEmpty, "\(reference.mismatches.prefix(5))")
        }
        if environment["SIGNANCHOR_UPDATE_ANIMATION_DIGESTS"] == "1" {
            try AnimationReference.text(rows).write(to: Self.digestFile, atomically: true, encoding: .utf8)
            return
        }
        let now = Dictionary(rows.map { ($0.name, $0) }) { first, _ in first }
        let recorded = try String(contentsOf: Self.digestFile, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        var compared = 0, changedInput = 0
        var differing: [String] = []
        for fields in recorded where fields.count == 3 {
            guard let row = now[fields[0]] else { continue }
            guard row.input == fields[1] else { changedInput += 1; continue }
            compared += 1
            if row.output != fields[2] { differing.append(fields[0]) }
        }
        print("animation reference: \(compared) signs compared, \(changedInput) skipped as their input changed, \(differing.count) differ")
        #expect(differing.isEmpty, "\(differing.count) signs animate differently from the reference, e.g. \(differing.prefix(8))")
        // The ngt-sigml files do not change, so at least those must all be compared.
        #expect(compared >= 2203)
    }
}
