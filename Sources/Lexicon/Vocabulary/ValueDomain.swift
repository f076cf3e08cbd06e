/// The set of values one attribute accepts.
public enum ValueDomain: Sendable, Equatable {
    case handshape, thumb, bend, direction, clock, location, side, contact, size, repetition, wrist
    /// `true` or `false`.
    case flag
    /// A decimal number such as a speed factor or an amount.
    case number
    /// Digit numbers 1 (thumb) to 5 (little finger), e.g. `23`.
    case digits
    /// A short HamNoSys non-manual code such as `RB` or `L02`: letters and digits.
    case code
    /// Free text without line breaks (a mouth picture in SAMPA).
    case text
    /// One of a small fixed list.
    case choice([String])

    /// True when `value` belongs to this domain.
    public func accepts(_ value: String) -> Bool {
        switch self {
        case .handshape: Self.handshapes.contains(value)
        case .thumb: Self.thumbs.contains(value)
        case .bend: Self.bends.contains(value) || FingerFlexion(rawValue: value) != nil
        case .direction: Self.directions.contains(value) || DirectionCode(rawValue: value) != nil
        case .clock: Self.clocks.contains(value)
        case .location: Self.locations.contains(value)
        case .side: Self.sides.contains(value)
        case .contact: Self.contacts.contains(value)
        case .size: Self.sizes.contains(value)
        case .repetition: Self.repetitions.contains(value)
        case .wrist: Self.wrists.contains(value)
        case .flag: value == "true" || value == "false"
        case .number: Double(value).map { $0.isFinite && $0 >= 0 } ?? false
        case .digits: !value.isEmpty && value.utf8.count <= 5 && value.utf8.allSatisfy { (0x31...0x35).contains($0) }
        case .code: !value.isEmpty && value.utf8.count <= 8 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        case .text: !value.isEmpty && !value.contains(where: \.isNewline)
        case let .choice(values): values.contains(value)
        }
    }

    // Sets rather than `init(rawValue:)`, which compares the cases one by one: loading checks every value.
    private static func names<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> Set<String> where T.RawValue == String {
        Set(T.allCases.map(\.rawValue))
    }
    private static let handshapes = names(Handshape.self)
    private static let thumbs = names(ThumbPosition.self)
    private static let bends = names(FingerBend.self)
    private static let directions = names(Direction.self)
    private static let clocks = names(ClockDirection.self)
    private static let locations = names(Location.self)
    private static let sides = names(LocationSide.self)
    private static let contacts = names(Contact.self)
    private static let sizes = names(MovementSize.self)
    private static let repetitions = names(Repetition.self)
    private static let wrists = names(WristMotionKind.self)

    /// A short description of the accepted values, for error messages.
    public var summary: String {
        switch self {
        case .handshape: Self.list(Handshape.allCases)
        case .thumb: Self.list(ThumbPosition.allCases)
        case .bend: Self.list(FingerBend.allCases) + ", or joint fractions such as 111"
        case .direction: "a direction such as u, do, uol (or its letters weighted, such as uuo)"
        case .clock: Self.list(ClockDirection.allCases)
        case .location: "a HamNoSys location such as chest, chin, palm"
        case .side: Self.list(LocationSide.allCases)
        case .contact: Self.list(Contact.allCases)
        case .size: Self.list(MovementSize.allCases)
        case .repetition: Self.list(Repetition.allCases)
        case .wrist: Self.list(WristMotionKind.allCases)
        case .flag: "true or false"
        case .number: "a non-negative number"
        case .digits: "digits 1-5"
        case .code: "a letters-and-digits code"
        case .text: "text on one line"
        case let .choice(values): values.joined(separator: ", ")
        }
    }

    private static func list<T: RawRepresentable>(_ cases: [T]) -> String where T.RawValue == String {
        cases.map(\.rawValue).joined(separator: ", ")
    }
}
