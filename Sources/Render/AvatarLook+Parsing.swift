import Foundation
import Motion

extension AvatarLook {
    /// Reads and validates a look for `rig`, with the files it includes and the mesh it names.
    /// - Throws: ``RenderError/invalidLook(path:line:message:)`` naming the line and what is wrong.
    public static func load(path: String, rig: Rig) throws -> AvatarLook {
        var look = AvatarLook()
        try look.read(path: path, rig: rig, depth: 0)
        try look.validate(path: path)
        return look
    }

    /// Parses look text; `path` is only used in error messages and to find included files and the mesh.
    public static func parse(_ text: String, path: String, rig: Rig) throws -> AvatarLook {
        var look = AvatarLook()
        try look.read(text: text, path: path, rig: rig, depth: 0)
        try look.validate(path: path)
        return look
    }

    /// Includes nest at most this deep (a file including itself is caught here).
    private static let maximumDepth = 4

    private mutating func read(path: String, rig: Rig, depth: Int) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw RenderError.cannotRead(path: path) }
        files.append(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw RenderError.invalidLook(path: path, line: 0, message: "not UTF-8 text")
        }
        try read(text: text, path: path, rig: rig, depth: depth)
    }

    /// The lines of one file, in order: later lines may use colours and the mesh of earlier ones.
    private mutating func read(text: String, path: String, rig: Rig, depth: Int) throws {
        let folder = (path as NSString).deletingLastPathComponent
        for (lineIndex, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let keyword = fields.first else { continue }
            func fail(_ message: String) -> RenderError { .invalidLook(path: path, line: lineIndex + 1, message: message) }
            func number(_ word: String) throws -> Float {
                guard let value = Float(word), value.isFinite else { throw fail("'\(word)' is not a number") }
                return value
            }
            func numbers(_ range: Range<Int>) throws -> [Float] {
                guard fields.count >= range.upperBound else { throw fail("'\(keyword)' needs \(range.upperBound - 1) values") }
                return try fields[range].map(number)
            }
            func joint(_ name: String) throws -> Int {
                guard let index = rig.jointIndex(name) else { throw fail("rig '\(rig.name)' has no joint '\(name)'") }
                return index
            }
            func control(_ name: String) throws -> Int {
                guard let index = rig.controlIndex(name) else {
                    throw fail("rig '\(rig.name)' has no face control '\(name)'")
                }
                return index
            }
            func color(_ name: String) throws -> Vec3 {
                guard let value = colors[name] else { throw fail("colour '\(name)' is not defined above") }
                return value
            }
            func relative(_ file: String) -> String { file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file) }
            switch keyword {
            case "include":
                guard fields.count == 2 else { throw fail("include FILE (a path relative to this file)") }
                guard depth < Self.maximumDepth else { throw fail("includes nest more than \(Self.maximumDepth) deep (does a file include itself?)") }
                try read(path: relative(fields[1]), rig: rig, depth: depth + 1)
            case "colour", "color":
                let rgb = try numbers(2..<5)
                guard fields.count == 5, rgb.allSatisfy({ (0...1).contains($0) }) else { throw fail("colour NAME R G B with values 0–1") }
                colors[fields[1]] = Vec3(rgb[0], rgb[1], rgb[2])
            case "limb":
                let radii = try numbers(2..<4)
                guard fields.count == 5, radii.allSatisfy({ $0 > 0 && $0 < 0.5 }) else { throw fail("limb JOINT R0 R1 COLOUR, radii in metres") }
                limbs.append(Limb(joint: try joint(fields[1]), radiusStart: radii[0], radiusEnd: radii[1], color: try color(fields[4])))
            case "blob":
                let values = try numbers(2..<8)
                guard fields.count >= 9, values[3...].allSatisfy({ $0 > 0 && $0 < 0.5 }) else {
                    throw fail("blob JOINT X Y Z RX RY RZ COLOUR [move|grow CONTROL X Y Z]…")
                }
                var blob = Blob(joint: try joint(fields[1]), center: Vec3(values[0], values[1], values[2]),
                                radii: Vec3(values[3], values[4], values[5]), color: try color(fields[8]), drives: [])
                var rest = fields[9...]
                while !rest.isEmpty {
                    let words = Array(rest.prefix(5))
                    guard words.count == 5, ["move", "grow"].contains(words[0]) else { throw fail("expected 'move|grow CONTROL X Y Z'") }
                    let index = try control(words[1])
                    let xyz = try words[2...].map(number)
                    let vector = Vec3(xyz[0], xyz[1], xyz[2])
                    blob.drives.append(words[0] == "move"
                        ? Drive(control: index, offset: vector, scale: Vec3(repeating: 1))
                        : Drive(control: index, offset: .zero, scale: vector))
                    rest = rest.dropFirst(5)
                }
                blobs.append(blob)
            case "mirror":
                guard fields.count == 3 else { throw fail("mirror FROM-SUFFIX TO-SUFFIX") }
                mirror(from: fields[1], to: fields[2], rig: rig)
            case "mesh":
                guard fields.count == 2 else { throw fail("mesh FILE (a .glb relative to this file)") }
                guard body == nil else { throw fail("a look has one mesh") }
                let file = relative(fields[1])
                guard FileManager.default.fileExists(atPath: file) else {
                    throw fail("the mesh \(file) does not exist (scripts/setup makes it: scripts/avatar-data)")
                }
                do {
                    body = MeshBody(mesh: try SkinnedMesh.load(path: file, rig: rig), partColors: [], faceDrives: [], eyes: nil)
                    files.append(file)
                } catch let error as MotionError {
                    throw fail(error.description)
                }
            case "eyes":
                guard let mesh = body?.mesh else { throw fail("'eyes' comes after the 'mesh' line") }
                guard let yaw = fields.firstIndex(of: "yaw"), let pitch = fields.firstIndex(of: "pitch"), yaw > 1, pitch == yaw + 3,
                      fields.count == pitch + 3 else {
                    throw fail("eyes PART… yaw CONTROL DEGREES pitch CONTROL DEGREES")
                }
                let parts = Array(fields[1..<yaw])
                for part in parts where !mesh.parts.contains(where: { $0.material == part }) {
                    throw fail("the mesh has no part '\(part)'")
                }
                body?.eyes = EyeTurn(parts: parts, yaw: (try control(fields[yaw + 1]), try number(fields[yaw + 2])),
                                     pitch: (try control(fields[pitch + 1]), try number(fields[pitch + 2])))
            case "face":
                guard let mesh = body?.mesh else { throw fail("'face' lines come after the 'mesh' line") }
                guard fields.count >= 4, fields.count % 2 == 0 else { throw fail("face CONTROL[+|-] UNIT WEIGHT [UNIT WEIGHT]…") }
                var name = fields[1], side = FaceDrive.Side.both
                if let last = name.last, last == "+" || last == "-" {
                    side = last == "+" ? .positive : .negative
                    name.removeLast()
                }
                var units: [(target: Int, weight: Float)] = []
                for k in stride(from: 2, to: fields.count, by: 2) {
                    guard let target = mesh.morphTarget(named: fields[k]) else {
                        throw fail("the mesh has no face unit '\(fields[k])'")
                    }
                    let weight = try number(fields[k + 1])
                    guard (-2...2).contains(weight) else { throw fail("a face unit weight is between -2 and 2") }
                    units.append((target, weight))
                }
                body?.faceDrives.append(FaceDrive(control: try control(name), side: side, units: units))
            default:
                throw fail("unknown keyword '\(keyword)' (expected colour, limb, blob, mirror, mesh, face, eyes or include)")
            }
        }
    }

    /// Whole-look checks: something to draw, a mesh or shapes but not both, every mesh material a colour.
    private mutating func validate(path: String) throws {
        func fail(_ message: String) -> RenderError { .invalidLook(path: path, line: 0, message: message) }
        guard let mesh = body?.mesh else {
            guard !limbs.isEmpty || !blobs.isEmpty else { throw fail("no mesh, limb or blob lines") }
            return
        }
        guard limbs.isEmpty && blobs.isEmpty else { throw fail("a look with a mesh has no limb or blob lines") }
        body?.partColors = try mesh.parts.map { part in
            guard let color = colors[part.material] else {
                throw fail("the mesh's material '\(part.material)' is not a colour of the look")
            }
            return color
        }
    }
}
