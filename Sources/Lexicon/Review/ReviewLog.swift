import AnchorCore
import Foundation

/// A review file: JSON Lines of ``ReviewRecord``, oldest first.
public enum ReviewLog {
    /// The records of the file at `path`.
    /// - Throws: ``LexiconError/cannotRead(path:reason:)``; ``LexiconError/invalid(_:)`` naming each bad line.
    public static func read(path: String) throws -> [ReviewRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LexiconError.cannotRead(path: path, reason: (error as NSError).localizedDescription)
        }
        var records: [ReviewRecord] = []
        var issues: [LexiconIssue] = []
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) {
            do {
                let record = try decoder.decode(ReviewRecord.self, from: Data(line))
                if let problem = record.problem {
                    issues.append(LexiconIssue(file: path, line: index + 1, field: "review", message: problem))
                } else {
                    records.append(record)
                }
            } catch {
                // A writer appends whole lines: an unreadable last line without its line break was cut off mid-write.
                let message = index == lines.count - 1
                    ? "incomplete last line (no line break: cut off while being written?); remove it"
                    : "not a review record (reviewer, time, signLanguage, id, hash, verdict)"
                issues.append(LexiconIssue(file: path, line: index + 1, field: "review", message: message))
            }
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        return records
    }

    /// One record as its JSON line (no line break inside; keys sorted, so lines diff well).
    public static func line(_ record: ReviewRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(record) + Data("\n".utf8)
    }

    /// The latest record per entry (sign language and id), in the order the entries were first reviewed.
    public static func latest(_ records: [ReviewRecord]) -> [ReviewRecord] {
        var order: [String] = []
        var latest: [String: ReviewRecord] = [:]
        for record in records {
            let key = "\(record.signLanguage)\u{1F}\(record.id)"
            if latest[key] == nil { order.append(key) }
            latest[key] = record
        }
        return order.compactMap { latest[$0] }
    }
}
