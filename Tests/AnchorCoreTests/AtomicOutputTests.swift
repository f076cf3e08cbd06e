import AnchorCore
import Foundation
import Testing
import TestSupport

@Suite("Outputs appear whole or not at all")
struct AtomicOutputTests {
    @Test func commitMovesIntoPlace() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("report.json").path
        try AtomicOutput.write(Data("{}".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func droppedOutputLeavesNothing() throws {
        let folder = try TestFiles.temporaryFolder()
        do {
            let output = try AtomicOutput(path: folder.appendingPathComponent("video.mp4").path)
            _ = FileManager.default.createFile(atPath: output.temporaryPath, contents: Data([1, 2, 3]))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func badFolders() throws {
        let folder = try TestFiles.temporaryFolder()
        #expect(throws: AnchorCoreError.self) { try AtomicOutput(path: folder.appendingPathComponent("missing/x.txt").path) }
        #expect(throws: AnchorCoreError.self) { try AtomicOutput(path: folder.path) }
    }

    @Test func subtitleClock() {
        let cues = [TimedText(start: 3661.5, end: 3662.0004, text: "Hi")]
        #expect(TimedText.srt(cues) == "1\n01:01:01,500 --> 01:01:02,000\nHi\n\n")
        #expect(TimedText.webVTT(cues) == "WEBVTT\n\n01:01:01.500 --> 01:01:02.000\nHi\n\n")
    }
}
