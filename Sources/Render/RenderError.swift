import AnchorCore

/// What can go wrong preparing or rendering the avatar.
public enum RenderError: AnchorError, Equatable {
    /// A file could not be read.
    case cannotRead(path: String)
    /// A `.look` file has a bad line.
    case invalidLook(path: String, line: Int, message: String)
    /// An option is out of range (size, supersampling, scale).
    case invalidArgument(String)

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .cannotRead(path): "\(path): cannot read the file"
        case let .invalidLook(path, line, message): line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
        case let .invalidArgument(message): message
        }
    }
}
