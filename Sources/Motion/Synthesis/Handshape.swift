import Foundation

/// HamNoSys handshapes and their modifiers (G-SiGML `handconfig` attributes) turned into ``FingerPose`` angles.
///
/// Angles are in degrees in the tables and follow the rig's finger joints: flexion about z, spread about y.
/// The twelve base shapes: `fist flat finger2 finger23 finger23spread finger2345 pinch12 pinch12open pinchall
/// cee12 cee12open ceeall`; modifiers: `thumbpos` (out, across, opposed), `mainbend` and `bend1`…`bend5`
/// (bent, round, hooked, dblbent, dblhooked, or per-joint fractions such as "111"), `ceeopening` (slack, tight),
/// `specialfingers`, `exempteddigits`, `thumbenclosed`, and `second_*` for a shape halfway between two.
enum Handshape {
    /// Flexion of base, middle and end joints of a finger (degrees).
    typealias Bend = (mcp: Double, pip: Double, dip: Double)

    static let bends: [String: Bend] = [
        "straight": (0, 0, 0), "curled": (88, 100, 65), "bent": (85, 0, 0), "round": (40, 45, 30),
        "hooked": (0, 90, 70), "dblbent": (80, 85, 10), "dblhooked": (15, 100, 85),
        "pinch": (45, 50, 25), "pinchopen": (35, 35, 15), "cee": (25, 45, 25),
    ]

    /// Thumb: carpometacarpal (roll x, sweep y — positive away from the palm edge —, palmar z), then MCP and IP flexion.
    static let thumbs: [String: (cmc: Vector3, mcp: Double, ip: Double)] = [
        "alongside": (Vector3(0, -5, 5), 5, 5),
        "out": (Vector3(0, 35, 5), 0, 0),
        "across": (Vector3(20, -45, 45), 35, 25),
        "opposed": (Vector3(-40, -10, 55), 15, 10),
        "fist": (Vector3(0, -10, 20), 10, 10),
        "enclosed": (Vector3(10, -40, 60), 50, 40),
        "pinch": (Vector3(-40, -15, 55), 25, 20),
        "pinchopen": (Vector3(-35, -5, 45), 10, 5),
        "cee": (Vector3(-35, 5, 40), 10, 10),
    ]

    /// Base shape: which fingers (2…5) are selected, how selected and unselected fingers bend, the default thumb.
    struct Base { var selected: Set<Int>; var selectedBend: String; var otherBend: String; var thumb: String; var spread: Bool }

    static let bases: [String: Base] = [
        "flat": Base(selected: [2, 3, 4, 5], selectedBend: "straight", otherBend: "curled", thumb: "alongside", spread: false),
        "fist": Base(selected: [], selectedBend: "straight", otherBend: "curled", thumb: "fist", spread: false),
        "finger2": Base(selected: [2], selectedBend: "straight", otherBend: "curled", thumb: "across", spread: false),
        "finger23": Base(selected: [2, 3], selectedBend: "straight", otherBend: "curled", thumb: "across", spread: false),
        "finger23spread": Base(selected: [2, 3], selectedBend: "straight", otherBend: "curled", thumb: "across", spread: true),
        "finger2345": Base(selected: [2, 3, 4, 5], selectedBend: "straight", otherBend: "curled", thumb: "alongside", spread: true),
        "pinch12": Base(selected: [2], selectedBend: "pinch", otherBend: "straight", thumb: "pinch", spread: false),
        "pinch12open": Base(selected: [2], selectedBend: "pinchopen", otherBend: "straight", thumb: "pinchopen", spread: false),
        "pinchall": Base(selected: [2, 3, 4, 5], selectedBend: "pinch", otherBend: "curled", thumb: "pinch", spread: false),
        "cee12": Base(selected: [2], selectedBend: "cee", otherBend: "curled", thumb: "cee", spread: false),
        "cee12open": Base(selected: [2], selectedBend: "pinchopen", otherBend: "curled", thumb: "cee", spread: false),
        "ceeall": Base(selected: [2, 3, 4, 5], selectedBend: "cee", otherBend: "curled", thumb: "cee", spread: false),
    ]

    /// Spread of fingers 2…5 about y (degrees) when spread and when together.
    static let spread: [Int: (apart: Double, together: Double)] = [2: (12, 2), 3: (2, 0), 4: (-9, -2), 5: (-18, -4)]

    /// The finger pose for the handshape attributes of `element` (its `second_*` shape blended in halfway).
    static func pose(_ element: GesturalElement, source: String) throws -> FingerPose {
        let first = try pose(attributes: element.attributes, prefix: "", element: element, source: source)
        guard element["second_handshape"] != nil else { return first }
        let second = try pose(attributes: element.attributes, prefix: "second_", element: element, source: source)
        return first.lerp(to: second, 0.5)
    }

    private static func pose(attributes: [String: String], prefix: String, element: GesturalElement, source: String) throws -> FingerPose {
        func bad(_ key: String, _ value: String) -> MotionError {
            .badSign(source: source, element: "handconfig@\(prefix)\(key)", reason: "unknown value \(value)")
        }
        let name = attributes[prefix + "handshape"] ?? "flat"
        guard var base = bases[name] else { throw bad("handshape", name) }
        if let special = attributes["specialfingers"], !base.selected.isEmpty, base.selected != [2, 3, 4, 5] {
            base.selected = Set(special.compactMap { $0.wholeNumberValue }.filter { (2...5).contains($0) })
        }
        var exempt = Set((attributes["exempteddigits"] ?? "").compactMap { $0.wholeNumberValue })
        exempt.remove(1)

        let mainbend = attributes[prefix + "mainbend"] ?? base.selectedBend
        guard var selectedBend = bend(mainbend) else { throw bad("mainbend", mainbend) }
        if let opening = attributes[prefix + "ceeopening"], name.hasPrefix("cee") {
            let k = opening == "slack" ? 0.7 : opening == "tight" ? 1.35 : 1
            selectedBend = (selectedBend.mcp * k, selectedBend.pip * k, selectedBend.dip * k)
        }
        var pose = FingerPose.straight
        for digit in 2...5 {
            let isSelected = base.selected.contains(digit) != exempt.contains(digit)
            var b = isSelected ? selectedBend : bends[base.otherBend]!
            if let perDigit = attributes["bend\(digit)"] {
                guard let custom = bend(perDigit) else { throw bad("bend\(digit)", perDigit) }
                b = custom
            }
            let s = spread[digit]!
            let spreadAngle = isSelected && base.spread ? s.apart : s.together
            pose[digit: digit] = [Vector3(0, spreadAngle, b.mcp), Vector3(0, 0, b.pip), Vector3(0, 0, b.dip)].map { $0 * (.pi / 180) }
        }
        var thumbName = attributes[prefix + "thumbpos"] ?? base.thumb
        if attributes["thumbenclosed"] == "true" { thumbName = "enclosed" }
        guard var thumb = thumbs[thumbName] else { throw bad("thumbpos", thumbName) }
        if let perThumb = attributes["bend1"] {
            guard let custom = bend(perThumb) else { throw bad("bend1", perThumb) }
            thumb.mcp = custom.pip; thumb.ip = custom.dip
        }
        pose[digit: 1] = [thumb.cmc, Vector3(0, 0, thumb.mcp), Vector3(0, 0, thumb.ip)].map { $0 * (.pi / 180) }
        return pose
    }

    /// A named bend, or per-joint fractions of 90° written as digits ("111", "0.50.50.5"); nil when unknown.
    static func bend(_ value: String) -> Bend? {
        if let named = bends[value] { return named }
        var fractions: [Double] = []
        var rest = Substring(value)
        while let first = rest.first, first.isNumber {
            var token = String(first)
            rest = rest.dropFirst()
            if rest.first == ".", let digit = rest.dropFirst().first, digit.isNumber {
                token += "." + String(digit)
                rest = rest.dropFirst(2)
            }
            fractions.append(min(1, Double(token) ?? 0))
        }
        guard rest.isEmpty, fractions.count == 3 else { return nil }
        return (fractions[0] * 90, fractions[1] * 90, fractions[2] * 90)
    }
}
