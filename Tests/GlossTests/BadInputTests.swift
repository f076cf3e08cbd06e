import Foundation
import Gloss
import Testing

@Suite("bad input")
struct BadInputTests {
    @Test("empty text and only punctuation give no sentences")
    func emptyAndPunctuation() throws {
        for translator in [try Translators.csl.get(), try Translators.asl.get()] {
            #expect(translator.translate(text: "").sentences.isEmpty)
            #expect(translator.translate(text: "   \n\t").sentences.isEmpty)
            #expect(translator.translate(text: "。？！…,,,...?!").sentences.isEmpty)
        }
    }

    @Test("mixed scripts, emoji and control characters: sane glosses, unsignable symbols reported")
    func mixed() throws {
        let csl = try Translators.csl.get().translate(text: "2024年GDP增长\u{0}\u{7}5%😀，北京🎉欢迎你！\u{202E}")
        #expect(csl.glosses.contains { $0.label == "fs-GDP" })
        #expect(csl.sentences.flatMap(\.skipped).contains { $0.text == "😀" && $0.reason == .unmatched })
        #expect(csl.glosses.contains { $0.label == "北京" })
        let asl = try Translators.asl.get().translate(text: "We love 北京 and café 😀 ok\u{1B}[31m")
        #expect(asl.glosses.count >= 3)
        #expect(asl.sentences.flatMap(\.skipped).contains { $0.reason == .unmatched })
    }

    @Test("50,000 characters in one line translate in linear time")
    func longLine() throws {
        for (translator, unit) in [(try Translators.csl.get(), "今天北京天气很好我们去上海看比赛"),
                                   (try Translators.asl.get(), "we meet the teacher at school tomorrow ")] {
            func seconds(_ count: Int) -> Double {
                let text = String(String(repeating: unit, count: count / unit.count + 1).prefix(count))
                let start = Date()
                let sequence = translator.translate(text: text)
                #expect(!sequence.glosses.isEmpty)
                return Date().timeIntervalSince(start)
            }
            let small = seconds(12_500), large = seconds(50_000)
            #expect(large < 30, "50,000 characters took \(large) s")
            #expect(large < max(small, 0.02) * 10, "4× the input took \(large / small)× the time")
        }
    }

    @Test("one 50,000-letter word and one 50,000-character unknown name still finish")
    func longWord() throws {
        let letters = try Translators.asl.get().translate(text: String(repeating: "x", count: 50_000))
        #expect(letters.glosses.first?.kind == .fingerspelling)
        let name = try Translators.csl.get().translate(text: String(repeating: "彧", count: 50_000))
        #expect(!name.glosses.isEmpty)
    }
}
