import Foundation
import Lexicon

/// Lexicon's handshapes and their modifiers (the typed values of a `handconfig` node) turned into ``FingerPose`` angles.
///
/// Angles are in degrees in the tables and follow the rig's finger joints: flexion about z, spread about y.
/// Modifiers: `thumbpos`, `mainbend` and `bend1`…`bend5` (named bends or joint fractions), `ceeopening`
/// (slack, tight), `specialfingers`, `exempteddigits`, `thumbenclosed`, and `second_*` for a shape halfway between two.
enum HandshapePose {
    /// Flexion of base, middle and end joints of a finger (degrees).
    typealias Bend = (mcp: Double, pip: Double, dip: Double)

    /// The bends the base shapes use besides the named HamNoSys ones.
    static let straight: Bend = (0, 0, 0), curled: Bend = (88, 100, 65)
    static let pinch: Bend = (45, 50, 25), pinchOpen: Bend = (35, 35, 15), cee: Bend = (25, 45, 25)

    /// The angles of a named HamNoSys bend.
    static func angles(_ bend: FingerBend) -> Bend {
        switch bend {
        case .bent: (85, 0, 0)
        case .round: (40, 45, 30)
        case .hooked: (0, 90, 70)
        case .dblbent: (80, 85, 10)
        case .dblhooked: (15, 100, 85)
        }
    }

    /// The angles of a bend as written: named, or joint fractions of 90°.
    static func angles(_ flexion: FingerFlexion) -> Bend {
        if let named = flexion.named { return angles(named) }
        let f = flexion.jointFractions ?? [0, 0, 0]
        return (f[0] * 90, f[1] * 90, f[2] * 90)
    }

    /// The thumb's shapes: those `thumbpos` names and those the base shapes give it.
    enum Thumb {
        case alongside, out, across, opposed, fist, enclosed, pinch, pinchOpen, cee

        init(_ position: ThumbPosition) {
            switch position {
            case .out: self = .out
            case .across: self = .across
            case .opposed: self = .opposed
            }
        }

        /// Carpometacarpal (roll x, sweep y — positive away from the palm edge —, palmar z), then MCP and IP flexion.
        var angles: (cmc: Vector3, mcp: Double, ip: Double) {
            switch self {
            case .alongside: (Vector3(0, -5, 5), 5, 5)
            case .out: (Vector3(0, 35, 5), 0, 0)
            case .across: (Vector3(20, -45, 45), 35, 25)
            case .opposed: (Vector3(-40, -10, 55), 15, 10)
            case .fist: (Vector3(0, -10, 20), 10, 10)
            case .enclosed: (Vector3(10, -40, 60), 50, 40)
            case .pinch: (Vector3(-40, -15, 55), 25, 20)
            case .pinchOpen: (Vector3(-35, -5, 45), 10, 5)
            case .cee: (Vector3(-35, 5, 40), 10, 10)
            }
        }
    }

    /// Base shape: which fingers (2…5) are selected, how selected and unselected fingers bend, the default thumb.
    struct Base { var selected: Set<Int>; var selectedBend: Bend; var otherBend: Bend; var thumb: Thumb; var spread: Bool }

    static func base(_ shape: Handshape) -> Base {
        switch shape {
        case .flat: Base(selected: [2, 3, 4, 5], selectedBend: straight, otherBend: curled, thumb: .alongside, spread: false)
        case .fist: Base(selected: [], selectedBend: straight, otherBend: curled, thumb: .fist, spread: false)
        case .finger2: Base(selected: [2], selectedBend: straight, otherBend: curled, thumb: .across, spread: false)
        case .finger23: Base(selected: [2, 3], selectedBend: straight, otherBend: curled, thumb: .across, spread: false)
        case .finger23spread: Base(selected: [2, 3], selectedBend: straight, otherBend: curled, thumb: .across, spread: true)
        case .finger2345: Base(selected: [2, 3, 4, 5], selectedBend: straight, otherBend: curled, thumb: .alongside, spread: true)
        case .pinch12: Base(selected: [2], selectedBend: pinch, otherBend: straight, thumb: .pinch, spread: false)
        case .pinch12open: Base(selected: [2], selectedBend: pinchOpen, otherBend: straight, thumb: .pinchOpen, spread: false)
        case .pinchall: Base(selected: [2, 3, 4, 5], selectedBend: pinch, otherBend: curled, thumb: .pinch, spread: false)
        case .cee12: Base(selected: [2], selectedBend: cee, otherBend: curled, thumb: .cee, spread: false)
        case .cee12open: Base(selected: [2], selectedBend: pinchOpen, otherBend: curled, thumb: .cee, spread: false)
        case .ceeall: Base(selected: [2, 3, 4, 5], selectedBend: cee, otherBend: curled, thumb: .cee, spread: false)
        }
    }

    /// Spread of fingers 2…5 about y (degrees) when spread and when together, indexed by digit − 2.
    static let spread: [(apart: Double, together: Double)] = [(12, 2), (2, 0), (-9, -2), (-18, -4)]

    /// The finger pose for the handshape attributes of `node` (its `second_*` shape blended in halfway).
    static func pose(_ node: PhonologyNode) -> FingerPose {
        let first = pose(node, prefix: "")
        guard node["second_handshape"] != nil else { return first }
        return first.lerp(to: pose(node, prefix: "second_"), 0.5)
    }

    private static func pose(_ node: PhonologyNode, prefix: String) -> FingerPose {
        let shape = node.value(prefix + "handshape", as: Handshape.self) ?? .flat
        var base = base(shape)
        if let special = node["specialfingers"], !base.selected.isEmpty, base.selected != [2, 3, 4, 5] {
            base.selected = Set(special.compactMap { $0.wholeNumberValue }.filter { (2...5).contains($0) })
        }
        var exempt = Set((node["exempteddigits"] ?? "").compactMap { $0.wholeNumberValue })
        exempt.remove(1)

        var selectedBend = node.value(prefix + "mainbend", as: FingerFlexion.self).map(angles) ?? base.selectedBend
        if let opening = node[prefix + "ceeopening"], [.cee12, .cee12open, .ceeall].contains(shape) {
            let k = opening == "slack" ? 0.7 : opening == "tight" ? 1.35 : 1
            selectedBend = (selectedBend.mcp * k, selectedBend.pip * k, selectedBend.dip * k)
        }
        var pose = FingerPose.straight
        for digit in 2...5 {
            let isSelected = base.selected.contains(digit) != exempt.contains(digit)
            let b = node.value("bend\(digit)", as: FingerFlexion.self).map(angles) ?? (isSelected ? selectedBend : base.otherBend)
            let s = spread[digit - 2]
            let spreadAngle = isSelected && base.spread ? s.apart : s.together
            pose[digit: digit] = [Vector3(0, spreadAngle, b.mcp), Vector3(0, 0, b.pip), Vector3(0, 0, b.dip)].map { $0 * (.pi / 180) }
        }
        var thumbShape = node.value(prefix + "thumbpos", as: ThumbPosition.self).map(Thumb.init) ?? base.thumb
        if node.flag("thumbenclosed") { thumbShape = .enclosed }
        var thumb = thumbShape.angles
        if let bend = node.value("bend1", as: FingerFlexion.self).map(angles) {
            thumb.mcp = bend.pip; thumb.ip = bend.dip
        }
        pose[digit: 1] = [thumb.cmc, Vector3(0, 0, thumb.mcp), Vector3(0, 0, thumb.ip)].map { $0 * (.pi / 180) }
        return pose
    }
}
