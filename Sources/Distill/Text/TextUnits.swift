/// Counting text the way the rate is stated: CJK characters and digit runs for Chinese, words for English.
public enum TextUnits {
    /// The number of rate units in `text` for `language`; punctuation and spaces do not count.
    public static func count(_ text: String, language: DistillLanguage) -> Int {
        switch language {
        case .chinese:
            // A CJK character is one unit; a run of Latin letters or digits (`GDP`, `5.2%`) is one unit.
            var count = 0
            var inRun = false
            for scalar in text.unicodeScalars {
                if isCJK(scalar) {
                    count += 1
                    inRun = false
                } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    if !inRun { count += 1 }
                    inRun = true
                } else if !(inRun && (scalar == "." || scalar == "%")) {
                    inRun = false
                }
            }
            return count
        case .english:
            return text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }.count
        }
    }

    /// True for a CJK unified ideograph (any block) or 〇.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F, 0x3007: true
        default: false
        }
    }
}
