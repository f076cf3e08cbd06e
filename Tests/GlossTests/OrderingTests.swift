import Foundation
import Gloss
import Testing
import TestSupport

@Suite("sign order")
struct OrderingTests {
    @Test("40 Chinese news sentences come out in the expected CSL order")
    func cslNews() throws {
        let translator = try Translators.csl.get()
        let text = try String(contentsOfFile: Translators.fixture("csl-news.tsv"), encoding: .utf8)
        let cases = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        #expect(cases.count == 40)
        var passed = 0
        for fields in cases {
            try #require(fields.count == 2)
            let got = Translators.signedWords(translator.translate(text: fields[0])).joined().replacingOccurrences(of: " ", with: "")
            let expected = fields[1].replacingOccurrences(of: " ", with: "")
            #expect(got == expected, "\(fields[0])")
            if got == expected { passed += 1 }
        }
        #expect(passed == cases.count)
    }

    @Test("the ASL dev set keeps ≥ 90 % exact word order")
    func aslDevelopmentSet() throws {
        let translator = try Translators.asl.get()
        let url = TestFiles.sharedData.appendingPathComponent("asl-ordering-dev.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        func words(_ text: String) -> [String] {
            text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
        }
        let exact = cases.filter { item in
            let got = words(Translators.signedWords(translator.translate(text: item["text"] as! String)).joined(separator: " "))
            return (item["expected"] as! [String]).contains { words($0) == got }
        }.count
        #expect(Double(exact) >= 0.9 * Double(cases.count), "exact \(exact)/\(cases.count)")
    }

    @Test("ASL: time is fronted, but not out of a clause verb's object")
    func aslTime() throws {
        let translator = try Translators.asl.get()
        #expect(Translators.signedWords(translator.translate(text: "She visited Paris last week.")) == ["last week", "She", "visited", "Paris"])
        #expect(Translators.signedWords(translator.translate(text: "He said she left yesterday.")) == ["He", "said", "she", "left", "yesterday"])
    }

    @Test("CSL: negators follow the predicate; the copula goes last")
    func cslNegationAndCopula() throws {
        let translator = try Translators.csl.get()
        #expect(Translators.signedWords(translator.translate(text: "他们不喜欢足球。")) == ["他们", "喜欢", "足球", "不"])
        #expect(Translators.signedWords(translator.translate(text: "她是医生。")) == ["她", "医生", "是"])
    }
}
