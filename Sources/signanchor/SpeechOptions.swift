import ArgumentParser
import Whisper

extension ComputeType: ExpressibleByArgument {}

/// The speech-recognition options `transcribe` and `anchor` share: model, language, beam width, prompt.
struct SpeechOptions: ParsableArguments {
    /// Help text of `--model`, also used by `serve`.
    static let modelHelp = ArgumentHelp(
        "Whisper model: \(ModelCatalog.namesForHelp), a CTranslate2 folder or a whisper.cpp ggml file "
            + "(default: $SIGNANCHOR_MODEL, else \(ModelCatalog.defaultName)).")

    @Option(help: modelHelp)
    var model: String?

    @Option(help: "Language of the speech (zh, en, …) or auto to detect it on the first 30 s.")
    var language = "auto"

    @Option(help: "Beam width; 1 is greedy decoding.")
    var beam = 5

    @Option(help: "Decoder arithmetic: float32, or int8 (weights quantised at load; faster, slightly less exact).")
    var computeType: ComputeType = .float32

    @Option(help: "Initial prompt: names and terms the broadcast uses (default for Chinese: a Simplified, punctuated sentence).")
    var prompt: String?

    @Flag(name: .customLong("no-homophone-repair"),
          help: "Keep recognised Chinese as the speech model wrote it (by default misheard words are mended: 推斥 → 推迟).")
    var noHomophoneRepair = false

    /// The model path `--model` names.
    var modelPath: String { ModelCatalog.path(for: model) }

    /// The forced language, nil for auto.
    var forcedLanguage: String? { language == "auto" ? nil : language }
}
