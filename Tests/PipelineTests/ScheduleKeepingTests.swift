import AnchorCore
import Distill
import Foundation
import Gloss
import Lexicon
import Motion
import Pipeline
import TestSupport
import Testing

/// The avatar signs on the schedule distillation made: each passage starts when distillation said it would, and
/// the signing never falls further behind the speech than the lag bound, however long the broadcast runs.
@Suite("Animation keeps the distilled schedule")
struct ScheduleKeepingTests {
    static let root = TestFiles.packageRoot.appendingPathComponent("Lexicon").path

    /// News sentences spoken back to back at `unitsPerSecond` (chars/s for Chinese, words/s for English), without
    /// pauses: the case where the signing is behind all the time and any cost the estimate misses piles up.
    static func transcript(_ sentences: [String], language: String, unitsPerSecond: Double) -> Transcript {
        var clock = 0.0
        let segments = sentences.map { text -> TimedText in
            let units = language == "zh" ? Double(text.count) : Double(text.split(separator: " ").count)
            defer { clock += units / unitsPerSecond }
            return TimedText(start: clock, end: clock + units / unitsPerSecond, text: text)
        }
        return Transcript(language: language, duration: clock, segments: segments)
    }

    static let english = [
        "The city council approved a new budget for public transport on Tuesday.",
        "Bus fares will rise by ten cents from the first of March.",
        "The mayor said the money would pay for forty new electric buses.",
        "Opposition members voted against the plan.",
        "In sport, the national rugby team lost its final match twenty to eighteen.",
        "The coach praised the young players after the game.",
        "Heavy rain is expected in the south tomorrow.",
        "Drivers are asked to avoid the coastal road.",
        "A new hospital opened in the east of the city this morning.",
        "It has three hundred beds and a children's ward.",
        "Police closed the main bridge for two hours after an accident.",
        "Nobody was seriously hurt.",
    ]

    static let chinese = [
        "市政府周二批准了新的公共交通预算。",
        "从三月一日起，公交票价将上涨一元。",
        "市长表示，这笔钱将用于购买四十辆新的电动公交车。",
        "体育方面，国家排球队在决赛中以三比二战胜对手。",
        "主教练赛后表扬了年轻队员。",
        "气象台预报，明天南方地区有大雨。",
        "交通部门提醒司机不要走沿海公路。",
        "今天上午，城东的一家新医院正式开业。",
        "医院有三百张床位和一个儿科病房。",
        "一场事故后，警方关闭大桥两个小时。",
        "事故没有造成人员重伤。",
        "明天全市中小学正常上课。",
    ]

    @Test("back-to-back news in English and Chinese: every passage starts on time, the last sign ends within the lag bound",
          arguments: [("en", "asl"), ("zh", "csl")])
    func keepsSchedule(language: String, signLanguage: String) async throws {
        let rig = try Rig.load(path: TestFiles.packageRoot.appendingPathComponent("Rigs/adult.rig").path)
        let kit = try SigningKit(root: Self.root, signLanguage: signLanguage, rig: rig)
        let spoken = try #require(DistillLanguage(tag: language))
        // News pace: 280 chars/min and 170 words/min.
        let transcript = language == "zh" ? Self.transcript(Self.chinese, language: "zh", unitsPerSecond: 280 / 60)
            : Self.transcript(Self.english, language: "en", unitsPerSecond: 170 / 60)
        let options = try DistillOptions()
        let estimator = AnimatedTimeEstimator(translator: kit.translator, animation: kit.animation)
        let script = await Distiller(analyzer: try kit.analyzer(spoken), estimator: estimator, options: options).distill(transcript)
        let segments = script.signingSegments
        #expect(segments.count >= 8, "only \(segments.count) passages signed")
        let track = try kit.animation.animate(kit.translator.translate(segments: segments), fps: 25)

        // Each passage's first sign comes after its approach; the first also after the rise from rest.
        let timing = kit.animation.animator.timing
        let startUp = timing.idle + timing.fromRest
        var spanIndex = 0
        for segment in segments {
            let signed = kit.translator.translate(text: segment.text)
            let spanCount = kit.animation.items(joining: signed.sentences).reduce(0) { $0 + $1.spanCount }
            try #require(spanIndex + spanCount <= track.spans.count)
            let first = track.spans[spanIndex]
            let late = first.start - (segment.start + timing.approach)
            #expect(late < startUp + 0.05, "'\(segment.text)' starts \(late) s after its scheduled time")
            spanIndex += spanCount
        }
        #expect(spanIndex == track.spans.count)
        let lastSign = try #require(track.spans.last).end
        let speechEnd = try #require(transcript.segments.last).end
        #expect(lastSign <= speechEnd + options.maxLag + startUp,
                "the last sign ends \(lastSign - speechEnd) s after the speech (bound \(options.maxLag) s)")
    }
}
