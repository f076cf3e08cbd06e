/// The kind of a phonology node: one G-SiGML element, named as in G-SiGML.
///
/// Manual kinds describe the hands (configuration, location, movement and how they combine);
/// non-manual kinds are tiers (mouth, face, gaze, head, body, shoulders) and their items.
public enum NodeKind: String, Sendable, Codable, CaseIterable, Hashable {
    // MARK: manual: structure and postures
    case signManual = "sign_manual"
    case handConfig = "handconfig"
    case splitHandConfig = "split_handconfig"
    case locationBodyArm = "location_bodyarm"
    case locationHand = "location_hand"
    case splitLocation = "split_location"
    case handConstellation = "handconstellation"
    // MARK: manual: movements
    case directedMotion = "directedmotion"
    case circularMotion = "circularmotion"
    case wristMotion = "wristmotion"
    case fingerPlay = "fingerplay"
    case noMotion = "nomotion"
    case changePosture = "changeposture"
    case targetMotion = "tgt_motion"
    case parallelMotion = "par_motion"
    case sequentialMotion = "seq_motion"
    case repeatedMotion = "rpt_motion"
    case splitMotion = "split_motion"
    // MARK: non-manual tiers and items
    case mouthingTier = "mouthing_tier"
    case mouthingParallel = "mouthing_par"
    case mouthPicture = "mouth_picture"
    case mouthGesture = "mouth_gesture"
    case facialExpressionTier = "facialexpr_tier"
    case facialExpressionParallel = "facial_expr_par"
    case eyeBrows = "eye_brows"
    case eyeLids = "eye_lids"
    case eyeGaze = "eye_gaze"
    case eyeGazeTier = "eyegaze_tier"
    case headTier = "head_tier"
    case headParallel = "head_par"
    case headMovement = "head_movement"
    case bodyTier = "body_tier"
    case bodyParallel = "body_par"
    case bodyMovement = "body_movement"
    case shoulderTier = "shoulder_tier"
    case shoulderMovement = "shoulder_movement"
    case extraTier = "extra_tier"
    case extraMovement = "extra_movement"

    /// The kind named `name` (its G-SiGML element name), found by hashing rather than comparing every case in turn.
    public static func named(_ name: String) -> NodeKind? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// True for the kinds that may appear under `sign_nonmanual` (the `nonmanual:` block).
    public var isNonManual: Bool {
        switch self {
        case .mouthingTier, .mouthingParallel, .mouthPicture, .mouthGesture, .facialExpressionTier,
             .facialExpressionParallel, .eyeBrows, .eyeLids, .eyeGaze, .eyeGazeTier, .headTier, .headParallel,
             .headMovement, .bodyTier, .bodyParallel, .bodyMovement, .shoulderTier, .shoulderMovement,
             .extraTier, .extraMovement:
            true
        default:
            false
        }
    }
}
