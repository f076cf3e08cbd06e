import Foundation

/// The folder holding every test folder of this process: `$TMPDIR/signanchor-tests-PID`, removed at exit.
private let runFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("signanchor-tests-\(getpid())")
    atexit { try? FileManager.default.removeItem(at: runFolder) }
    return url
}()

/// Paths tests need: a fresh temporary folder, the package root, shared test data, the built program.
public enum TestFiles {
    /// A new empty folder for one test, inside this test process's own folder, which is removed when the process exits.
    public static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = runFolder.appendingPathComponent("\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the package: test data that is not ours to ship.
    public static let sharedData: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// The `signanchor` program built alongside the tests (same build folder and configuration).
    public static var program: URL {
        if let override = ProcessInfo.processInfo.environment["SIGNANCHOR_BIN"] { return URL(fileURLWithPath: override) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("signanchor")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("signanchor")
    }
}
