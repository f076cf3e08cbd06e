/// English number words: recognising them and reading their value.
///
/// `forty-five` → 45; `two hundred and thirty` → 230; `fifteen hundred` → 1500; `three million` → 3000000. Word
/// sequences that are not one number (`five six`, `nineteen eighty`, a lone `hundred`) are not read.
public enum EnglishNumerals {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales: [String: Int] = ["thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000]

    /// True when `word` (any case, hyphenated parts allowed: `forty-five`) is made of number words.
    public static func isNumberWord(_ word: String) -> Bool {
        let parts = word.lowercased().split(separator: "-").map(String.init)
        return !parts.isEmpty && parts.allSatisfy { units[$0] != nil || tens[$0] != nil || scales[$0] != nil || $0 == "hundred" }
    }

    /// The value of `text`, number words separated by spaces or hyphens (`and` after `hundred` or a scale word),
    /// or nil when it is not one well-formed number.
    public static func value(_ text: String) -> Int? {
        let words = text.lowercased().split { $0 == " " || $0 == "-" }.map(String.init)
        guard !words.isEmpty, words.last != "and" else { return nil }
        // What the previous word was decides what may follow (twenty five, not five twenty).
        enum Previous { case start, unit, teen, ten, hundred, scale, and }
        var previous = Previous.start
        var total = 0, current = 0, lastScale = Int.max
        for word in words {
            if let value = units[word] {
                let teen = value >= 10
                switch previous {
                case .start, .hundred, .scale, .and: break
                case .ten where !teen && value > 0: break
                default: return nil
                }
                if value == 0, words.count > 1 { return nil }
                current += value
                previous = teen ? .teen : .unit
            } else if let value = tens[word] {
                guard [.start, .hundred, .scale, .and].contains(previous) else { return nil }
                current += value
                previous = .ten
            } else if word == "hundred" {
                guard [.unit, .teen].contains(previous), current % 100 > 0, current < 100 else { return nil }
                current *= 100
                previous = .hundred
            } else if let scale = scales[word] {
                guard [.unit, .teen, .ten, .hundred].contains(previous), scale < lastScale, current > 0 else { return nil }
                total += current * scale
                current = 0
                lastScale = scale
                previous = .scale
            } else if word == "and" {
                guard [.hundred, .scale].contains(previous) else { return nil }
                previous = .and
            } else {
                return nil
            }
        }
        return total + current
    }
}
