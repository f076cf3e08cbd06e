import AnchorCore

/// Everything that can go wrong in the Motion stage: a bad rig file, an unusable sign description, an export failure.
public enum MotionError: AnchorError, Equatable {
    /// A rig file has a problem at a line (1-based) in a field.
    case badRig(path: String, line: Int, field: String, reason: String)
    /// A sign description cannot be synthesised: `element` names the SiGML element or attribute.
    case badSign(source: String, element: String, reason: String)
    /// A file could not be read.
    case cannotRead(path: String, reason: String)
    /// An export was asked for something impossible (no frames, an unknown format).
    case badExport(path: String, reason: String)

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .badRig(path, line, field, reason): "\(path):\(line): \(field): \(reason)"
        case let .badSign(source, element, reason): "\(source): \(element): \(reason)"
        case let .cannotRead(path, reason): "\(path): cannot read: \(reason)"
        case let .badExport(path, reason): "\(path): cannot export: \(reason)"
        }
    }
}
