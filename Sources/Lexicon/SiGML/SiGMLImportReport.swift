/// What a SiGML import read, and every element, attribute or value it could not keep.
public struct SiGMLImportReport: Sendable, Codable, Equatable {
    /// SiGML files read.
    public var files = 0
    /// Signs imported.
    public var signs = 0
    /// Files that could not be parsed, with the reason.
    public var failedFiles: [String: String] = [:]
    /// Unsupported items by name and count: `element NAME`, `attribute ELEMENT@NAME`, `value ELEMENT@NAME=VALUE`.
    public var unsupported: [String: Int] = [:]
    /// Supported elements read, by name and count.
    public var elements: [String: Int] = [:]

    /// Creates an empty report.
    public init() {}

    /// The report as text lines: totals, then unsupported items by count.
    public var text: String {
        var lines = ["files: \(files)", "signs imported: \(signs)", "files failed: \(failedFiles.count)"]
        lines += failedFiles.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }
        let dropped = unsupported.values.reduce(0, +)
        lines.append("unsupported items: \(unsupported.count) kinds, \(dropped) occurrences")
        lines += unsupported.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "  \($0.value)\t\($0.key)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
