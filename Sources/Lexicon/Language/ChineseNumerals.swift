/// Chinese numerals: recognising them and converting them to Arabic digits.
///
/// 二〇二四 (digit by digit) → `2024`; 三百五十 → `350`; 两万 → `20000`; 十五 → `15`.
public enum ChineseNumerals {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let places: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
    private static let groups: [Character: Int] = ["万": 10_000, "亿": 100_000_000]

    /// True when every character of `text` is a Chinese numeral (digit or place word).
    public static func isNumeral(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { digits[$0] != nil || places[$0] != nil || groups[$0] != nil }
    }

    /// True for group words that multiply what comes before them: 万, 亿, 万亿, 千万, 百万.
    public static func isGroup(_ text: String) -> Bool {
        guard let last = text.last, groups[last] != nil else { return false }
        return text.dropLast().allSatisfy { places[$0] != nil || groups[$0] != nil }
    }

    /// The value of a group word (千万 = 10⁷), or nil.
    public static func groupValue(_ text: String) -> Int? {
        guard isGroup(text) else { return nil }
        return text.reduce(1) { $0 * (places[$1] ?? groups[$1] ?? 1) }
    }

    /// The Arabic digits of a Chinese numeral, or nil when it is not one (or too large).
    public static func arabic(_ text: String) -> String? {
        guard isNumeral(text) else { return nil }
        if text.count > 1, text.allSatisfy({ digits[$0] != nil }) {
            return String(text.map { Character(String(digits[$0]!)) })
        }
        guard text.count <= 12 else { return nil }
        var total = 0, section = 0, digit = 0
        for character in text {
            if let value = digits[character] {
                digit = value
            } else if let place = places[character] {
                section += (digit == 0 && section == 0 ? 1 : digit) * place
                digit = 0
            } else if let group = groups[character] {
                total += (section + digit) * group
                section = 0
                digit = 0
            }
        }
        return String(total + section + digit)
    }

    /// A Chinese number as subtitles write it, compactly in Arabic digits: 八十五 → `85`, 一 → `1`, 四亿八千万 →
    /// `4.8亿`, 十万 → `10万`, 二点五 → `2.5`, 百分之六 → `6%`, and a unit after the numeral kept (八度 → `8度`,
    /// 两千例 → `2000例`); nil when `text` does not start with a numeral.
    ///
    /// Large round values keep their group word (万, 亿), as news subtitles do, so the text stays readable.
    public static func compact(_ text: String) -> String? {
        if text.hasPrefix("百分之") {
            guard let number = compact(String(text.dropFirst(3))), number.first?.isNumber == true else { return nil }
            return number + "%"
        }
        let characters = Array(text)
        var end = 0
        while end < characters.count, isNumeral(String(characters[end])) { end += 1 }
        guard end > 0 else { return nil }
        var number = value(String(characters[..<end]))
        // A decimal: 二点五 → 2.5 (the fraction digit by digit).
        if end + 1 < characters.count, characters[end] == "点", let first = digits[characters[end + 1]] {
            var fraction = String(first)
            end += 2
            while end < characters.count, let digit = digits[characters[end]] {
                fraction += String(digit)
                end += 1
            }
            number = number.map { "\($0).\(fraction)" }
        }
        return number.map { $0 + String(characters[end...]) }
    }

    /// An integer numeral in Arabic digits, with a group word when it is round (4.8亿, 10万).
    private static func value(_ numeral: String) -> String? {
        guard let digits = arabic(numeral), let value = Int(digits) else { return nil }
        for (word, size) in [("亿", 100_000_000), ("万", 10_000)] where value >= size {
            // Up to two decimals of the group when that is exact: 4.8亿, 1.25亿, 30万.
            guard (value * 100) % size == 0 else { break }
            let hundredths = value * 100 / size
            let whole = hundredths / 100, fraction = hundredths % 100
            let decimals = fraction == 0 ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : fraction < 10 ? ".0\(fraction)" : ".\(fraction)"
            return "\(whole)\(decimals)\(word)"
        }
        return digits
    }
}
