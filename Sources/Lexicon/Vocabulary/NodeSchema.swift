/// Which attributes each node kind accepts and what values they take: the G-SiGML vocabulary we support.
///
/// The importer, the text-format parser and the validator all check against this one table, so a name
/// that is not here is reported as unsupported or unknown everywhere in the same way.
public enum NodeSchema {
    /// The attributes `kind` accepts, by name.
    public static func attributes(of kind: NodeKind) -> [String: ValueDomain] {
        table[kind] ?? [:]
    }

    /// The domain of attribute `name` on `kind`, or nil when the attribute is not supported there.
    public static func domain(of name: String, on kind: NodeKind) -> ValueDomain? {
        table[kind]?[name]
    }

    private static let manner: [String: ValueDomain] = [
        "fast": .flag, "slow": .flag, "halt": .flag, "rest": .flag, "tense": .flag, "alternating": .flag,
        "speed": .number,
    ]

    private static func withManner(_ own: [String: ValueDomain]) -> [String: ValueDomain] {
        own.merging(manner) { first, _ in first }
    }

    private static let handConfig: [String: ValueDomain] = {
        var result: [String: ValueDomain] = [
            "specialfingers": .digits, "exempteddigits": .digits, "contactpair": .digits, "opposedfinger": .digits,
            "contactkind": .location, "successivefingers": .choice(["towards_pinky", "towards_thumb"]),
            "thumbenclosed": .flag, "thumbcontact": .choice(["pad", "nail", "tip", "side"]),
            "abs_palmor": .flag, "rel_palmor": .flag,
        ]
        for prefix in ["", "second_"] {
            result[prefix + "handshape"] = .handshape
            result[prefix + "thumbpos"] = .thumb
            result[prefix + "mainbend"] = .bend
            result[prefix + "ceeopening"] = .choice(["tight", "slack"])
            result[prefix + "extfidir"] = .direction
            result[prefix + "palmor"] = .direction
            for finger in 1...5 { result[prefix + "bend\(finger)"] = .bend }
        }
        return result
    }()

    private static func placement(_ extra: [String: ValueDomain]) -> [String: ValueDomain] {
        var result = extra
        for prefix in ["", "second_"] {
            result[prefix + "location"] = .location
            result[prefix + "side"] = .side
            result[prefix + "approx_location"] = .flag
        }
        result["contact"] = .contact
        return result
    }

    private static let nonManualItem: [String: ValueDomain] = [
        "movement": .code, "speed": .number, "amount": .number, "big": .flag,
    ]

    private static let table: [NodeKind: [String: ValueDomain]] = [
        .signManual: ["both_hands": .flag, "lr_symm": .flag, "oi_symm": .flag, "ud_symm": .flag,
                      "outofphase": .flag, "nondominant": .flag, "holdover": .flag],
        .handConfig: handConfig,
        .locationBodyArm: placement([:]),
        .locationHand: placement(["digits": .digits, "second_digits": .digits]),
        .handConstellation: ["contact": .contact],
        .directedMotion: withManner([
            "direction": .direction, "second_direction": .direction, "size": .size, "second_size": .size,
            "curve": .clock, "curve_size": .size, "zigzag_size": .size,
            "zigzag_style": .choice(["zigzag", "wavy"]), "ellipse_direction": .choice(["h", "v", "ur", "ul"]),
        ]),
        .circularMotion: withManner([
            "axis": .direction, "second_axis": .direction, "start": .clock, "end": .clock,
            "second_start": .clock, "second_end": .clock, "size": .size, "second_size": .size,
            "clockplus": .flag, "second_clockplus": .flag, "ellipse_direction": .choice(["h", "v", "ur", "ul"]),
        ]),
        .wristMotion: withManner(["motion": .wrist, "size": .size]),
        .fingerPlay: withManner(["digits": .digits]),
        .targetMotion: withManner(["size": .size]),
        .parallelMotion: withManner([:]),
        .sequentialMotion: withManner(["fused": .flag]),
        .repeatedMotion: withManner([
            "repetition": .repetition, "second_repetition": .repetition,
            "repetition_baseshift": .direction, "baseshift_size": .size,
        ]),
        .mouthingTier: ["fitpicturetomanual": .flag],
        .mouthPicture: ["picture": .text, "speed": .number],
        .mouthGesture: ["movement": .code, "speed": .number],
        .facialExpressionTier: ["postsynchronization": .choice(["lasts_longer", "lasts_shorter"])],
        .eyeBrows: nonManualItem,
        .eyeLids: nonManualItem,
        .eyeGaze: nonManualItem.merging(["direction": .code]) { first, _ in first },
        .headMovement: nonManualItem,
        .bodyMovement: nonManualItem,
        .shoulderMovement: nonManualItem,
        .extraMovement: nonManualItem,
    ]
}
