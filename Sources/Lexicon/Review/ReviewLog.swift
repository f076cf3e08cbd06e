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
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError.invalid([LexiconIssue(file: path, line: 1, field: "encoding", message: "not valid UTF-8")])
        }
        var records: [ReviewRecord] = []
        var issues: [LexiconIssue] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let record = try decoder.decode(ReviewRecord.self, from: Data(line.utf8))
                if let problem = record.problem {
                    issues.append(LexiconIssue(file: path, line: index + 1, field: "review", message: problem))
                } else {
                    records.append(record)
                }
            } catch {
                issues.append(LexiconIssue(file: path, line: index + 1, field: "review",
                                           message: "not a review record (reviewer, time, signLanguage, id, hash, verdict)"))
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
