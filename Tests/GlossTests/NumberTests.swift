import Gloss
import Testing

@Suite("numbers, dates, times, money")
struct NumberTests {
    private func labels(_ translator: GlossTranslator, _ text: String) -> [String] {
        translator.translate(text: text).glosses.filter { $0.kind != .pause }.map(\.label)
    }

    @Test("CSL: years digit by digit, dates, place-value numbers, decimals, percentages, clock times, scores, money")
    func csl() throws {
        let translator = try Translators.csl.get()
        #expect(labels(translator, "2024年3月5日").prefix(6) == ["2-0-2-4", "年", "3", "月", "5", "日"])
        #expect(labels(translator, "三百五十万人").first == "3-百-5-十-万")
        #expect(labels(translator, "增长5.2%").last == "百分之-5-点-2")
        #expect(labels(translator, "10:30开始").first == "十-点-3-十-分", "ten is 十 alone, as it is said")
        #expect(labels(translator, "三比一").first == "3-比-1")
        #expect(labels(translator, "¥120").first == "1-百-2-十-元")
        #expect(labels(translator, "¥110").first == "1-百-1-十-元", "a one inside a number is said (一百一十)")
        #expect(labels(translator, "二〇二四年").first == "2-0-2-4")
    }

    @Test("CSL: digits with units as speech recognition writes them are numbers")
    func cslRecognisedDigits() throws {
        let translator = try Translators.csl.get()
        #expect(labels(translator, "发送旅客10万人。").contains("十-万"))
        #expect(labels(translator, "发送旅客4.8亿人次。").contains("4-点-8-亿"))
        #expect(labels(translator, "比去年增长2.5%。").contains("百分之-2-点-5"))
        #expect(labels(translator, "他今年12岁。").contains("十-2"))
        #expect(labels(translator, "以85比79战胜对手。").first == "8-十-5-比-7-十-9")
        // An ordinal as the word list writes it (第十四) is the ordinal marker and a number, not a spelled word.
        let ordinal = labels(translator, "第十四届运动会开幕。")
        #expect(ordinal.contains("十-4") && !ordinal.contains { $0.contains("SHISI") }, "\(ordinal)")
        // A name the word list lacks is spelled whole: no RED (红) or WEEK (周) inside it.
        let named = labels(translator, "馆长刘晓红和小将周子涵表示。")
        #expect(named.contains("fs-LIUXIAOHONG") && named.contains("fs-ZHOUZIHAN") && !named.contains("红色"), "\(named)")
        let range = labels(translator, "气温将下降8到10度。")
        #expect(range.contains("8") && range.contains("十"), "\(range)")
    }

    @Test("ASL: years in pairs, hundreds and thousands, money, percentages, scores")
    func asl() throws {
        let translator = try Translators.asl.get()
        #expect(labels(translator, "In 1998 we won.").contains("19-98"))
        #expect(labels(translator, "It costs $2,500.").contains("2-thousand-5-hundred-dollar"))
        #expect(labels(translator, "Prices rose 3.5%.").contains("3-point-5-percent"))
        #expect(labels(translator, "They won 3-1.").contains("3-to-1"))
    }

    @Test("ASL: number words are numbers, not spelt; a lone word with its own sign keeps it")
    func aslNumberWords() throws {
        let translator = try Translators.asl.get()
        #expect(labels(translator, "They bought forty buses.").contains("4-0"))
        #expect(labels(translator, "It won by eighty five points.").contains("8-5"))
        #expect(labels(translator, "It won by eighty-five points.").contains("8-5"))
        #expect(labels(translator, "The hospital has two hundred and thirty beds.").contains("2-hundred-3-0"))
        #expect(labels(translator, "The city will spend three million dollars.").contains("3-million"))
        let lone = translator.translate(text: "Three children played.").glosses.first { $0.source == ["Three"] }
        #expect(lone?.kind == .sign)
        let both = labels(translator, "They bought forty buses and eighteen cars.")
        #expect(both.contains("4-0") && both.contains("1-8") && !both.contains("fs-FORTY") && !both.contains("fs-EIGHTEEN"))
    }

    @Test("every number unit is resolved to a lexicon sign where the lexicon has one")
    func unitsResolve() throws {
        let gloss = try #require(try Translators.csl.get().translate(text: "2024年").glosses.first)
        #expect(gloss.kind == .number && gloss.units.count == 4 && gloss.units.allSatisfy { $0.entry != nil })
    }
}
