import AnchorCore
import Distill
import Gloss
import Lexicon
import Motion

/// One sign language loaded once for the text and motion stages: its dictionary and word tools, the gloss
/// translator, the animation bridge on the avatar's rig, and a text analyser per spoken language it lists.
///
/// `anchor` loads one per run; the HTTP service loads one per sign language at start-up and shares it.
public struct SigningKit: Sendable {
    /// The lexicon root the kit was loaded from.
    public let root: String
    /// The dictionary and word tools.
    public let tools: LanguageTools
    /// Text → glosses.
    public let translator: GlossTranslator
    /// Glosses → animation on the avatar.
    public let animation: GlossAnimation
    /// Distillation's text analysers: for the spoken language the sign language signs (CSL Chinese, ASL English, as
    /// ``LanguagePair`` pairs them), else for each spoken language its lexicon has words of. A CSL entry's English
    /// words are for looking it up, not for signing English.
    public let analyzers: [DistillLanguage: TextAnalyzer]

    /// Loads sign language `signLanguage` from the lexicon folder `root`, animated on `rig`; with `visemes` (the
    /// avatar's `Rigs/visemes.txt`) the avatar mouths the signed words (docs/mouthing.md).
    /// - Throws: ``LexiconError``, ``GlossError``, ``DistillError`` or ``MotionError`` naming the file at fault.
    public init(root: String, signLanguage: String, rig: Rig, visemes: String? = nil) throws {
        let tools = try LanguageTools(root: root, signLanguage: signLanguage)
        let translator = try GlossTranslator(tools: tools, root: root)
        self.root = root
        self.tools = tools
        self.translator = translator
        var avatar = try Avatar(rig: rig)
        var words: WordMouthing?
        if let visemes {
            avatar.mouthing = try Mouthing(path: visemes, rig: rig, sampa: VisemeSpeller(root: root, language: "sampa"))
            words = try WordMouthing(root: root, tools: tools)
        }
        animation = GlossAnimation(animator: Animator(avatar: avatar), lexicon: translator.lexicon, words: words)
        var analyzers: [DistillLanguage: TextAnalyzer] = [:]
        let signed = DistillLanguage(signLanguage: signLanguage).map { [$0] } ?? DistillLanguage.allCases
        for language in signed where tools.lexicon.info.spokenLanguages.contains(language.spokenTag) {
            analyzers[language] = try TextAnalyzer.load(tools: tools, root: root, language: language)
        }
        self.analyzers = analyzers
    }

    /// Loads each sign language of `codes` from `root`, side by side on the machine's cores (the shared spoken data
    /// is read once), as the HTTP service does at start-up.
    /// - Throws: the first error in the order of `codes`.
    public static func loadAll(root: String, signLanguages codes: [String], rig: Rig, visemes: String? = nil) throws -> [String: SigningKit] {
        let results = ConcurrentMap.results(codes.count) { index in
            Result { try SigningKit(root: root, signLanguage: codes[index], rig: rig, visemes: visemes) }
        }
        var kits: [String: SigningKit] = [:]
        for (code, result) in zip(codes, results) { kits[code] = try result.get() }
        return kits
    }

    /// The repair of misheard Chinese words (``HomophoneRepair``) for speech recognised in `language`; nil for
    /// other languages. Built on each call (its sound index takes a moment): once per job.
    public func homophoneRepair(_ language: DistillLanguage) throws -> HomophoneRepair? {
        guard language == .chinese, let pinyin = tools.pinyin else { return nil }
        return HomophoneRepair(analyzer: try analyzer(language), pinyin: pinyin)
    }

    /// The sign language's code (`csl`, `asl`).
    public var signLanguage: String { tools.lexicon.info.code }

    /// The analyser of `language`.
    /// - Throws: ``PipelineError/invalidJob(_:)`` when the sign language does not sign `language`.
    public func analyzer(_ language: DistillLanguage) throws -> TextAnalyzer {
        guard let analyzer = analyzers[language] else {
            let signed = analyzers.keys.map(\.englishName).sorted().joined(separator: ", ")
            throw PipelineError.invalidJob("\(signLanguage) signs \(signed.isEmpty ? "no spoken language" : signed), not \(language.englishName); "
                                           + "choose sign language \(language.defaultSignLanguage)")
        }
        return analyzer
    }
}
