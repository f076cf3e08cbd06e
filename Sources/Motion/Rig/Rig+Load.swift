import Foundation

extension Rig {
    /// Loads and validates a rig file.
    /// - Throws: ``MotionError/badRig(path:line:field:reason:)`` naming the line and field, or ``MotionError/cannotRead(path:reason:)``.
    public static func load(path: String) throws -> Rig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MotionError.cannotRead(path: path, reason: "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MotionError.badRig(path: path, line: 1, field: "file", reason: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses rig text; `path` is only used in error messages.
    public static func parse(_ text: String, path: String = "<rig>") throws -> Rig {
        var parser = RigParser(path: path)
        return try parser.parse(text)
    }
}
