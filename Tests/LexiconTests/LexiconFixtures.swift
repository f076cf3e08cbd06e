import Foundation
import Lexicon
import TestSupport

/// Small lexicon folders written during a test, and the repository's own lexicon.
enum LexiconFixtures {
    /// The repository's `Lexicon/` folder.
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path

    static let languageFile = """
        code: tsl
        name: Test Sign Language
        spoken: zh-Hans, en
        categories: places, actions, fingerspelling
        fingerspelling: pinyin

        """

    /// Two valid entries: 北京 (places) and BANK with two senses of "bank".
    static let validEntries = """
        # a comment
        id: beijing
        gloss: 北京
        category: places
        zh-Hans: 北京, 北京市; pos=name
        en: Beijing; pos=name
        manual: both_hands=true lr_symm=true
          handconfig handshape=finger2 thumbpos=across extfidir=u palmor=l
          location_bodyarm location=chest side=left_at contact=touch
          rpt_motion repetition=fromstart
            directedmotion direction=r size=small
        nonmanual:
          mouthing_tier
            mouth_picture picture="bei jing"
        timing: duration=0.8 hold=0.2
        source: test
        verified: false
        note: a test entry

        id: bank-money
        gloss: BANK
        category: places
        en: bank; pos=noun; sense=money; priority=1
        manual:
          handconfig handshape=flat extfidir=o palmor=d
        source: test
        verified: true

        id: bank-river
        gloss: RIVERBANK
        category: places
        en: bank; pos=noun; sense=river; priority=2
        en: bank on; pos=verb
        manual:
          handconfig handshape=fist
        source: test
        verified: false

        """

    /// Writes a sign-language folder `tsl` with `files` (name → text) under a new temporary root.
    static func folder(_ files: [String: String], language: String = languageFile) throws -> (root: String, folder: String) {
        let root = try TestFiles.temporaryFolder()
        let folder = root.appendingPathComponent("tsl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(language.utf8).write(to: folder.appendingPathComponent("language.txt"))
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return (root.path, folder.path)
    }

    /// The issues `validate` reports for one entry file.
    static func issues(_ text: String) throws -> [LexiconIssue] {
        try LexiconLoader.validate(folder: folder(["entries.txt": text]).folder)
    }
}
