import Foundation

/// Refuses an output that would replace one of the run's inputs (`-o a.wav` for input `a.wav`, or another path to
/// the same file through `..`, a symbolic or a hard link), before anything is read or written.
public enum OutputSafety {
    /// - Parameters:
    ///   - outputs: the files the run will write (`-` and URLs are skipped).
    ///   - inputs: the files it reads (`-`, URLs and nil are skipped).
    /// - Throws: ``AnchorCoreError/outputIsInput(output:input:)``.
    public static func check(outputs: [String?], inputs: [String?]) throws {
        for output in outputs.compactMap({ $0 }) where isFile(output) {
            for input in inputs.compactMap({ $0 }) where isFile(input) && same(output, input) {
                throw AnchorCoreError.outputIsInput(output: output, input: input)
            }
        }
    }

    /// Whether two paths name the same file: the same device and inode when both exist, else the same
    /// absolute path once `.`, `..` and links in their folders are resolved.
    public static func same(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0 && stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return resolved(a) == resolved(b)
    }

    private static func isFile(_ path: String) -> Bool { path != "-" && !path.contains("://") && !path.hasPrefix("pipe:") }

    private static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}
