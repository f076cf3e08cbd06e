import Foundation
import Lexicon

/// What the avatar's mouth does while signing: each viseme as face control values (`Rigs/visemes.txt`), and how
/// the `mouth_picture` of an imported G-SiGML sign is read (SAMPA, `Lexicon/spoken/sampa-visemes.txt`).
/// An ``Avatar`` without it signs without mouthing (`--no-mouthing`).
public struct Mouthing: Sendable {
    /// Control index and value per viseme; a viseme not listed is the mouth at rest.
    let shapes: [Viseme: [(control: Int, value: Double)]]
    /// The rig's mouth controls that visemes use, set back to 0 between shapes.
    let controls: [Int]
    /// Reads SAMPA mouth pictures.
    let sampa: VisemeSpeller
    /// A factor on every shape's values (1: as `Rigs/visemes.txt` gives them, which already makes them lighter than
    /// speech), for a caller that wants fainter or stronger mouthing.
    public var strength = 1.0

    /// Loads `Rigs/visemes.txt` at `path` for `rig`: `viseme NAME CONTROL=VALUE…` lines, every viseme once.
    /// - Throws: ``MotionError/cannotRead(path:reason:)`` for a missing file, ``MotionError/badRig(path:line:field:reason:)``
    ///   naming a bad line.
    public init(path: String, rig: Rig, sampa: VisemeSpeller) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw MotionError.cannotRead(path: path, reason: "missing, unreadable or not UTF-8")
        }
        var shapes: [Viseme: [(control: Int, value: Double)]] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .split(whereSeparator: \.isWhitespace)
            guard !fields.isEmpty else { continue }
            func fail(_ reason: String) -> MotionError { .badRig(path: path, line: number + 1, field: "viseme", reason: reason) }
            guard fields[0] == "viseme", fields.count >= 2 else { throw fail("expected 'viseme NAME CONTROL=VALUE…'") }
            guard let viseme = Viseme(rawValue: String(fields[1])) else {
                throw fail("'\(fields[1])' is not a viseme (\(Viseme.allCases.map(\.rawValue).joined(separator: " ")))")
            }
            guard shapes[viseme] == nil else { throw fail("viseme \(viseme.rawValue) is given twice") }
            shapes[viseme] = try fields.dropFirst(2).map { pair in
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Double(parts[1]), (0...1).contains(value) else {
                    throw fail("'\(pair)' is not CONTROL=VALUE with a value 0–1")
                }
                guard let control = rig.controlIndex(String(parts[0])) else {
                    throw fail("rig '\(rig.name)' has no face control '\(parts[0])'")
                }
                return (control, value)
            }
        }
        let missing = Viseme.allCases.filter { shapes[$0] == nil }
        guard missing.isEmpty else {
            throw MotionError.badRig(path: path, line: 0, field: "viseme", reason: "no line for \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        self.shapes = shapes
        controls = Array(Set(shapes.values.flatMap { $0.map(\.control) })).sorted()
        self.sampa = sampa
    }

    /// Control curves (by control name of `rig`) that show `visemes` one after another over `duration` seconds:
    /// the mouth opens from rest, passes through each shape at evenly spaced times, and closes at the end.
    func curves(_ visemes: [Viseme], duration: Double, rig: Rig) -> [String: [ControlKey]] {
        guard !visemes.isEmpty, duration > 0 else { return [:] }
        var out: [String: [ControlKey]] = [:]
        let step = duration / Double(visemes.count + 1)
        for control in controls {
            let name = rig.controls[control].name
            var keys = [ControlKey(time: 0, value: 0)]
            for (index, viseme) in visemes.enumerated() {
                let value = shapes[viseme]?.first { $0.control == control }?.value ?? 0
                keys.append(ControlKey(time: step * Double(index + 1), value: value * strength))
            }
            keys.append(ControlKey(time: duration, value: 0))
            out[name] = keys
        }
        return out
    }
}
