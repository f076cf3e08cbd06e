import Foundation

/// Finds the project's data (Lexicon/, Rigs/, .models/) whether `signanchor` runs from the project folder,
/// from elsewhere through its path in `.build/…`, or with an environment variable pointing at the data.
public enum ResourcePaths {
    /// `environment`'s value when set; else `relative` under the working directory when it exists there;
    /// else `relative` under a folder holding the running program or one of its parents
    /// (`.build/release/signanchor` → the package root); else `relative` itself (and the caller's error names it).
    public static func file(_ relative: String, environment: String? = nil) -> String {
        if let environment, let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return value }
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return relative
    }
}
