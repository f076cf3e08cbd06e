import AnchorCore
import Distill
import Foundation
import Lexicon
import Testing
import TestSupport

/// Misheard Chinese words mended by sound and a unigram language model; correct text left alone.
@Suite("Homophone repair of recognised Chinese")
struct HomophoneRepairTests {
    static let repair = HomophoneRepair(analyzer: Fixtures.chinese, pinyin: try! Pinyin(root: Fixtures.root))

    /// Recogniser-style errors in sentences written for this test: same sound, other characters.
    @Test func misheardWordsAreMended() {
        let cases = [
            ("比赛推斥到下周举行。", "比赛推迟到下周举行。"),
            ("春节期间率克明显增加。", "春节期间旅客明显增加。"),
            ("市民要住意交通安全。", "市民要注意交通安全。"),
            ("小祖赛今天开始。", "小组赛今天开始。"),
            ("全市儿同免费接种疫苗。", "全市儿童免费接种疫苗。"),
        ]
        for (heard, meant) in cases { #expect(Self.repair.repair(heard) == meant) }
    }

    /// Correct news text comes out unchanged: the core sentences, the 40 ordering sentences, the sample, names.
    @Test func correctTextIsLeftAlone() throws {
        var sentences = CoreCases.chinese.map(\.0)
        sentences += try Fixtures.media("news-zh.txt").split(whereSeparator: { "。！？\n".contains($0) }).map(String.init)
        let ordering = try String(contentsOf: TestFiles.packageRoot.appendingPathComponent("Tests/GlossTests/Fixtures/csl-news.tsv"),
                                  encoding: .utf8)
        sentences += ordering.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) }
        sentences += ["中国队战胜日本队。", "这是一个好消息。", "他在学校学习。", "今天北京天气晴朗。", "李华和王伟去上海开会。"]
        var changed: [String] = []
        for sentence in sentences where Self.repair.repair(sentence) != sentence {
            changed.append("\(sentence) → \(Self.repair.repair(sentence))")
        }
        #expect(changed.isEmpty, "\(changed)")
    }

    /// Only runs of Chinese characters are read: digits, Latin letters and marks stay as they are.
    @Test func otherTextIsKept() {
        #expect(Self.repair.repair("GDP增长5.2%，A股上涨。") == "GDP增长5.2%，A股上涨。")
        let transcript = Transcript(language: "zh", duration: 2, segments: [TimedText(start: 0, end: 2, text: "比赛推斥。")])
        #expect(Self.repair.repair(transcript).segments == [TimedText(start: 0, end: 2, text: "比赛推迟。")])
    }
}
