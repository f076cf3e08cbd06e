import Foundation
import Testing
import TestSupport

/// Issue 20: `scripts/install` puts the program and its data in a prefix; the installed program then runs from any
/// folder with a clean environment, and `--uninstall` leaves the prefix as it was.
@Suite("scripts/install: an installed signanchor runs anywhere", .serialized)
struct InstallTests {
    /// Runs `executable` from `folder` with only `environment` (no PATH, HOME or SIGNANCHOR_* from the test run).
    static func clean(_ executable: String, _ arguments: [String], in folder: URL,
                      environment: [String: String]) throws -> Shell.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent("stdout-\(UUID().uuidString.prefix(6))")
        let err = folder.appendingPathComponent("stderr-\(UUID().uuidString.prefix(6))")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        return Shell.Result(status: process.terminationStatus, stdout: try Data(contentsOf: out),
                            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Every path under `folder`, relative, sorted: what "the prefix as it was" means.
    static func listing(_ folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return names.sorted()
    }

    @Test("install into a prefix, run lookup, anchor and serve's /health from elsewhere, uninstall to the prior state")
    func installRunUninstall() throws {
        let folder = try TestFiles.temporaryFolder()
        let prefix = folder.appendingPathComponent("prefix"), elsewhere = folder.appendingPathComponent("elsewhere")
        let home = folder.appendingPathComponent("home")
        for made in [prefix.appendingPathComponent("bin"), elsewhere, home] {
            try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        }
        // Something of the owner's already in the prefix must survive install and uninstall.
        try Data("keep me\n".utf8).write(to: prefix.appendingPathComponent("bin/other-tool"))
        let before = Self.listing(prefix)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "LANG": "C.UTF-8"]
        let script = TestFiles.packageRoot.appendingPathComponent("scripts/install").path

        let install = try Self.clean(script, ["--binary", TestFiles.program.path, "--no-man", prefix.path],
                                     in: elsewhere, environment: environment)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/signanchor").path
        let share = prefix.appendingPathComponent("share/signanchor")
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/bash-completion/completions/signanchor").path))
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/zsh/site-functions/_signanchor").path))
        // Re-running is safe: same files, one installation.
        let again = try Self.clean(script, ["--binary", TestFiles.program.path, "--no-man", prefix.path],
                                   in: elsewhere, environment: environment)
        #expect(again.status == 0, "\(again.stderr)")

        // --version names the data under the prefix, found beside the program.
        let version = try Self.clean(installed, ["--version"], in: elsewhere, environment: environment)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.output.contains(share.appendingPathComponent("Lexicon").path), "\(version.output)")

        let lookup = try Self.clean(installed, ["lexicon", "lookup", "北京", "--sign-language", "csl"], in: elsewhere,
                                    environment: environment)
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.output.contains("北京"), "\(lookup.output)")

        // The whole job with the installed default speech model, rig and look.
        let speech = try TestMedia.speech("The weather tomorrow will be cold.", in: elsewhere)
        let video = elsewhere.appendingPathComponent("out.mp4")
        let anchor = try Self.clean(installed, ["anchor", speech.lastPathComponent, "-o", video.lastPathComponent,
                                                "--size", "320x240", "--beam", "1", "--quiet"],
                                    in: elsewhere, environment: environment)
        #expect(anchor.status == 0, "\(anchor.stderr)")
        let info = try TestMedia.probeVideo(video)
        #expect(info.frames > 25 && info.duration > 1, "\(info)")

        // serve's /health reports the installed data, and the installed web page is served.
        let server = try Spawned(URL(fileURLWithPath: installed), ["serve", "--port", "0"], in: elsewhere,
                                 cleanEnvironment: environment)
        defer { server.send(SIGTERM); _ = server.wait(seconds: 10) }
        #expect(Spawned.until(seconds: 60) { server.outputText.contains("listening on http://") }, "\(server.errorText)")
        let base = try #require(server.outputText.split(separator: "\n").first?.dropFirst("listening on ".count))
        let health = try Shell.must("curl", ["-s", "\(base)/health"])
        let object = try #require(try JSONSerialization.jsonObject(with: health.stdout) as? [String: Any])
        let data = try #require(object["data"] as? [String: Any])
        #expect((data["lexicon"] as? String)?.hasPrefix(share.path) == true, "\(data)")
        #expect((data["rig"] as? String)?.hasPrefix(share.path) == true, "\(data)")
        #expect((data["speechModel"] as? String)?.hasPrefix(share.path) == true, "\(data)")
        #expect((data["web"] as? String)?.hasPrefix(share.path) == true, "\(data)")
        let page = try Shell.must("curl", ["-s", "-w", "%{http_code}", "\(base)/"]).output
        #expect(page.contains("<html") && page.hasSuffix("200"), "the installed web page is served at /")
        server.send(SIGTERM)
        #expect(server.wait(seconds: 10) == 0)

        let uninstall = try Self.clean(script, ["--uninstall", prefix.path], in: elsewhere, environment: environment)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(Self.listing(prefix) == before)
        #expect(try String(contentsOf: prefix.appendingPathComponent("bin/other-tool"), encoding: .utf8) == "keep me\n")
        // A second uninstall has nothing to remove: one line, exit 1.
        let twice = try Self.clean(script, ["--uninstall", prefix.path], in: elsewhere, environment: environment)
        #expect(twice.status == 1 && twice.stderr.split(separator: "\n").count == 1, "\(twice.stderr)")
    }
}
