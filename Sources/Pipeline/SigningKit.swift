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
    /// Distillation's text analysers, for each spoken language the lexicon has words of.
    public let analyzers: [DistillLanguage: TextAnalyzer]

    /// Loads sign language `signLanguage` from the lexicon folder `root`, animated on `rig`.
    /// - Throws: ``LexiconError``, ``GlossError`` or ``DistillError`` naming the file at fault.
    public init(root: String, signLanguage: String, rig: Rig) throws {
        let tools = try LanguageTools(root: root, signLanguage: signLanguage)
        let translator = try GlossTranslator(tools: tools, root: root)
        self.root = root
        self.tools = tools
        self.translator = translator
        animation = GlossAnimation(animator: Animator(avatar: try Avatar(rig: rig)), lexicon: translator.lexicon)
        var analyzers: [DistillLanguage: TextAnalyzer] = [:]
        for language in DistillLanguage.allCases where tools.lexicon.info.spokenLanguages.contains(language.spokenTag) {
            analyzers[language] = try TextAnalyzer.load(tools: tools, root: root, language: language)
        }
        self.analyzers = analyzers
    }

    /// The sign language's code (`csl`, `asl`).
    public var signLanguage: String { tools.lexicon.info.code }

    /// The analyser of `language`.
    /// - Throws: ``PipelineError/invalidJob(_:)`` when the sign language's lexicon has no words of it.
    public func analyzer(_ language: DistillLanguage) throws -> TextAnalyzer {
        guard let analyzer = analyzers[language] else {
            throw PipelineError.invalidJob("\(signLanguage): the lexicon has no \(language.spokenTag) words to sign")
        }
        return analyzer
    }
}
