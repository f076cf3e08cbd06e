import Foundation

/// Reads the rig text format (docs/rig-format.md): one statement per line, `#` comments, degrees and metres.
struct RigParser {
    let path: String
    private var name = ""
    private var joints: [Joint] = []
    private var rest: [String: Vector3] = [:]          // joint name → Euler angles, radians
    private var landmarks: [String: Landmark] = [:]
    private var digits: [Side: [Int: [Int]]] = [:]
    private var colliders: [Collider] = []
    private var surface: [SurfacePoint] = []
    private var controls: [FaceControl] = []

    init(path: String) { self.path = path }

    /// Parses the whole text and validates the result.
    mutating func parse(_ text: String) throws -> Rig {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let keyword = words.first else { continue }
            var line = Fields(path: path, line: number + 1, words: Array(words.dropFirst()), keyword: keyword)
            try statement(keyword, &line)
            try line.finish()
        }
        return try validated(line: text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    private mutating func statement(_ keyword: String, _ f: inout Fields) throws {
        switch keyword {
        case "rig": name = try f.word("name")
        case "joint": try joint(&f)
        case "mirror": try mirror(from: try f.word("from-suffix"), to: try f.word("to-suffix"), &f)
        case "rest":
            let joint = try f.word("joint")
            guard jointIndex(joint) != nil else { throw f.error("joint", "unknown joint \(joint)") }
            rest[joint] = try f.vector("angles") * (.pi / 180)
        case "landmark": try landmark(&f)
        case "digit": try digit(&f)
        case "collider": try collider(&f)
        case "surface": try surfacePoint(&f)
        case "control": try control(&f)
        default: throw f.error("statement", "unknown statement \(keyword)")
        }
    }

    private func jointIndex(_ name: String) -> Int? { joints.firstIndex { $0.name == name } }

    private func joint(_ name: String, _ f: Fields, field: String) throws -> Int {
        guard let index = jointIndex(name) else { throw f.error(field, "unknown joint \(name) (joints must be declared first)") }
        return index
    }

    private mutating func joint(_ f: inout Fields) throws {
        let name = try f.word("name")
        guard jointIndex(name) == nil else { throw f.error("name", "duplicate joint \(name)") }
        let parentName = try f.word("parent")
        let parent: Int? = parentName == "-" ? nil : try joint(parentName, f, field: "parent")
        if parent == nil && !joints.isEmpty { throw f.error("parent", "only the first joint may be the root") }
        try f.expect("offset")
        let offset = try f.vector("offset")
        try f.expect("order")
        let orderText = try f.word("order")
        guard let order = EulerOrder(orderText) else { throw f.error("order", "\(orderText) is not an Euler order like XYZ") }
        try f.expect("limits")
        var swingTwist = false
        if f.peek == "swing" { f.skip(); swingTwist = true }
        var limits: [ClosedRange<Double>] = []
        for axis in ["x", "y", "z"] {
            let low = try f.number("limits.\(axis).min"), high = try f.number("limits.\(axis).max")
            guard low <= high else { throw f.error("limits.\(axis)", "minimum \(low) is above maximum \(high)") }
            limits.append(low * .pi / 180 ... high * .pi / 180)
        }
        var end: Vector3?
        if f.peek == "end" { f.skip(); end = try f.vector("end") }
        joints.append(Joint(name: name, parent: parent, offset: offset, end: end, order: order, limits: limits, swingTwist: swingTwist))
    }

    /// Adds the mirror image of every joint, rest angle, digit and landmark whose name ends in `from`.
    private mutating func mirror(from: String, to: String, _ f: inout Fields) throws {
        func swap(_ n: String) -> String { n.hasSuffix(from) ? String(n.dropLast(from.count)) + to : n }
        for joint in joints where joint.name.hasSuffix(from) {
            guard jointIndex(swap(joint.name)) == nil else { throw f.error("to-suffix", "joint \(swap(joint.name)) already exists") }
            let parent = joint.parent.map { jointIndex(swap(joints[$0].name)) ?? $0 }
            let limits = [joint.limits[0], -joint.limits[1].upperBound ... -joint.limits[1].lowerBound,
                          -joint.limits[2].upperBound ... -joint.limits[2].lowerBound]
            joints.append(Joint(name: swap(joint.name), parent: parent, offset: joint.offset.mirrored,
                                end: joint.end?.mirrored, order: joint.order, limits: limits, swingTwist: joint.swingTwist))
        }
        for (name, angles) in rest where name.hasSuffix(from) { rest[swap(name)] = Vector3(angles.x, -angles.y, -angles.z) }
        if let right = digits[.right] {
            digits[.left] = right.mapValues { chain in chain.map { jointIndex(swap(joints[$0].name)) ?? $0 } }
        }
        for (name, mark) in landmarks where name.hasSuffix(from) {
            let joint = jointIndex(swap(joints[mark.joint].name)) ?? mark.joint
            landmarks[swap(name)] = Landmark(joint: joint, offset: mark.offset.mirrored, normal: mark.normal.mirrored,
                                             lateral: mark.lateral, paired: mark.paired)
        }
    }

    private mutating func landmark(_ f: inout Fields) throws {
        let name = try f.word("name")
        guard landmarks[name] == nil else { throw f.error("name", "duplicate landmark \(name)") }
        let joint = try joint(try f.word("joint"), f, field: "joint")
        try f.expect("at")
        let at = try f.vector("at")
        try f.expect("normal")
        let normal = try f.vector("normal")
        guard normal.length > 1e-6 else { throw f.error("normal", "normal must not be zero") }
        var lateral = 0.0, paired = false
        while let option = f.peek {
            f.skip()
            switch option {
            case "lateral": lateral = try f.number("lateral")
            case "paired": paired = true
            default: throw f.error("landmark", "unknown option \(option)")
            }
        }
        landmarks[name] = Landmark(joint: joint, offset: at - position(of: joint), normal: normal.normalized,
                                   lateral: lateral, paired: paired)
    }

    private mutating func digit(_ f: inout Fields) throws {
        let sideText = try f.word("side")
        guard let side = Side(rawValue: sideText) else { throw f.error("side", "\(sideText) is not left or right") }
        let number = Int(try f.number("digit"))
        guard (1...5).contains(number) else { throw f.error("digit", "digits are numbered 1 (thumb) to 5 (little finger)") }
        var chain: [Int] = []
        for i in 1...3 { chain.append(try joint(try f.word("joint\(i)"), f, field: "joint\(i)")) }
        digits[side, default: [:]][number] = chain
    }

    private mutating func collider(_ f: inout Fields) throws {
        let name = try f.word("name")
        let joint = try joint(try f.word("joint"), f, field: "joint")
        let kind = try f.word("shape")
        let start = try f.vector("start")
        let end = kind == "capsule" ? try f.vector("end") : start
        guard kind == "capsule" || kind == "sphere" else { throw f.error("shape", "\(kind) is not sphere or capsule") }
        let radius = try f.number("radius")
        guard radius > 0 else { throw f.error("radius", "must be positive") }
        let origin = position(of: joint)
        colliders.append(Collider(name: name, joint: joint, start: start - origin, end: end - origin, radius: radius))
    }

    private mutating func surfacePoint(_ f: inout Fields) throws {
        let joint = try joint(try f.word("joint"), f, field: "joint")
        let point = try f.vector("point")
        let normal = try f.vector("normal")
        guard abs(normal.length - 1) < 0.01 else { throw f.error("normal", "must be a unit vector") }
        surface.append(SurfacePoint(joint: joint, offset: point - position(of: joint), normal: normal.normalized))
    }

    private mutating func control(_ f: inout Fields) throws {
        let name = try f.word("name")
        guard !controls.contains(where: { $0.name == name }) else { throw f.error("name", "duplicate control \(name)") }
        let low = try f.number("min"), high = try f.number("max")
        guard low <= 0, 0 <= high else { throw f.error("range", "the range must include 0 (neutral)") }
        var drive: FaceControl.Drive?
        if f.peek == "drives" {
            f.skip()
            let joint = try joint(try f.word("joint"), f, field: "drives.joint")
            let axisText = try f.word("drives.axis")
            guard let axis = ["x", "y", "z"].firstIndex(of: axisText) else { throw f.error("drives.axis", "\(axisText) is not x, y or z") }
            drive = .init(joint: joint, axis: axis, radiansPerUnit: try f.number("drives.degrees") * .pi / 180)
        }
        controls.append(FaceControl(name: name, range: low...high, drive: drive))
    }

    /// Bind-pose position of joint `index` in the rig frame.
    private func position(of index: Int) -> Vector3 {
        var p = Vector3.zero, i: Int? = index
        while let j = i { p += joints[j].offset; i = joints[j].parent }
        return p
    }

    private func validated(line: Int) throws -> Rig {
        let f = Fields(path: path, line: line, words: [], keyword: "end of file")
        guard !name.isEmpty else { throw f.error("rig", "missing `rig NAME` line") }
        guard !joints.isEmpty else { throw f.error("joint", "no joints") }
        for joint in joints {
            let restAngles = rest[joint.name] ?? .zero
            for axis in 0..<3 where !joint.limits[axis].contains(restAngles[axis]) {
                throw f.error("rest.\(joint.name)", "rest angle on axis \(["x", "y", "z"][axis]) is outside the joint's limits")
            }
        }
        for side in Side.allCases {
            guard let chains = digits[side], Set(chains.keys) == Set(1...5) else {
                throw f.error("digit", "the \(side.rawValue) hand needs digits 1 to 5")
            }
        }
        return Rig(name: name, joints: joints,
                   restRotations: joints.map { $0.rotation(limitAngles: rest[$0.name] ?? .zero) },
                   landmarks: landmarks, digits: digits, colliders: colliders, controls: controls, surface: surface)
    }
}

/// The words of one statement, consumed left to right, with errors that name the file, line and field.
private struct Fields {
    let path: String
    let line: Int
    var words: [String]
    let keyword: String

    var peek: String? { words.first }
    mutating func skip() { words.removeFirst() }

    func error(_ field: String, _ reason: String) -> MotionError {
        .badRig(path: path, line: line, field: "\(keyword).\(field)", reason: reason)
    }

    mutating func word(_ field: String) throws -> String {
        guard let w = words.first else { throw error(field, "missing") }
        words.removeFirst()
        return w
    }

    mutating func expect(_ keyword: String) throws {
        let w = try word(keyword)
        guard w == keyword else { throw error(keyword, "expected `\(keyword)`, found `\(w)`") }
    }

    mutating func number(_ field: String) throws -> Double {
        let w = try word(field)
        guard let value = Double(w), value.isFinite else { throw error(field, "`\(w)` is not a number") }
        return value
    }

    mutating func vector(_ field: String) throws -> Vector3 {
        Vector3(try number("\(field).x"), try number("\(field).y"), try number("\(field).z"))
    }

    func finish() throws {
        if let extra = words.first { throw error("end", "unexpected `\(extra)`") }
    }
}
