/// A typed reading of one `handconfig` node: handshape with its modifiers and the hand's orientation.
///
/// G-SiGML often spreads one posture over several `handconfig` nodes (shape, then direction, then palm);
/// ``merged(_:)`` folds consecutive nodes into one posture. `second_*` attributes (a value between two
/// values) are exposed as the `between*` properties.
public struct HandConfiguration: Sendable, Equatable {
    /// The base handshape.
    public var handshape: Handshape?
    /// The thumb modifier.
    public var thumb: ThumbPosition?
    /// The bending of all fingers.
    public var mainBend: FingerBend?
    /// Per-finger bending, by digit 1 (thumb) to 5.
    public var fingerBends: [Int: FingerBend]
    /// The extended-finger direction.
    public var extendedFingerDirection: Direction?
    /// The palm orientation.
    public var palmOrientation: Direction?
    /// A second handshape the posture lies between, when given.
    public var betweenHandshape: Handshape?
    /// A second extended-finger direction the posture lies between, when given.
    public var betweenExtendedFingerDirection: Direction?

    /// Reads the typed values of a `handconfig` node; returns nil for any other kind.
    public init?(_ node: PhonologyNode) {
        guard node.kind == .handConfig else { return nil }
        handshape = node.value("handshape")
        thumb = node.value("thumbpos")
        mainBend = node.value("mainbend")
        fingerBends = [:]
        for finger in 1...5 {
            if let bend: FingerBend = node.value("bend\(finger)") { fingerBends[finger] = bend }
        }
        extendedFingerDirection = node.value("extfidir")
        palmOrientation = node.value("palmor")
        betweenHandshape = node.value("second_handshape")
        betweenExtendedFingerDirection = node.value("second_extfidir")
    }

    /// Folds consecutive configurations into one posture; later values override earlier ones.
    public static func merged(_ configurations: [HandConfiguration]) -> HandConfiguration? {
        guard var result = configurations.first else { return nil }
        for next in configurations.dropFirst() {
            result.handshape = next.handshape ?? result.handshape
            result.thumb = next.thumb ?? result.thumb
            result.mainBend = next.mainBend ?? result.mainBend
            result.fingerBends.merge(next.fingerBends) { _, new in new }
            result.extendedFingerDirection = next.extendedFingerDirection ?? result.extendedFingerDirection
            result.palmOrientation = next.palmOrientation ?? result.palmOrientation
            result.betweenHandshape = next.betweenHandshape ?? result.betweenHandshape
            result.betweenExtendedFingerDirection =
                next.betweenExtendedFingerDirection ?? result.betweenExtendedFingerDirection
        }
        return result
    }
}

/// A typed reading of a `location_bodyarm` or `location_hand` node: where the hand is and how close.
public struct Placement: Sendable, Equatable {
    /// True for a place on the other hand (`location_hand`), false for the body, head or arm.
    public var isOnHand: Bool
    /// The place.
    public var location: Location?
    /// A second place the hand is between, when given.
    public var betweenLocation: Location?
    /// Which side of the place.
    public var side: LocationSide?
    /// A second side the hand is between, when given.
    public var betweenSide: LocationSide?
    /// Touching, close, or with the arm extended.
    public var contact: Contact?
    /// For a place on the hand, the digits concerned (1 thumb … 5 little finger).
    public var digits: [Int]

    /// Reads a location node; returns nil for any other kind.
    public init?(_ node: PhonologyNode) {
        guard node.kind == .locationBodyArm || node.kind == .locationHand else { return nil }
        isOnHand = node.kind == .locationHand
        location = node.value("location")
        betweenLocation = node.value("second_location")
        side = node.value("side")
        betweenSide = node.value("second_side")
        contact = node.value("contact")
        digits = (node["digits"] ?? "").compactMap { $0.wholeNumberValue }
    }
}
