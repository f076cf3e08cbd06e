import AnchorCore

/// Everything that can go wrong in the Whisper module, each case carrying the file or value at fault.
public enum WhisperError: AnchorError, Equatable {
    /// The model path does not exist.
    case modelNotFound(path: String)
    /// A catalogue model (the default, or `--model base`) is installed in none of the data roots.
    case modelNotInstalled(name: String, searched: [String])
    /// The model file is neither a CTranslate2 `model.bin` nor a whisper.cpp ggml file.
    case unknownModelFormat(path: String)
    /// The model file ends before the data its header announces.
    case truncatedModel(path: String, offset: Int)
    /// The model file uses a format version this engine cannot read.
    case unsupportedModelVersion(path: String, version: Int)
    /// The model file is readable but its content is not a Whisper model we support.
    case invalidModel(path: String, reason: String)
    /// A tensor the architecture needs is missing from the model file.
    case missingTensor(path: String, name: String)
    /// A tensor has a different shape than the architecture needs.
    case shapeMismatch(path: String, name: String, expected: [Int], found: [Int])
    /// A tensor is stored in an element type this engine cannot convert.
    case unsupportedTensorType(path: String, name: String, type: String)
    /// A model side file (config.json, vocabulary, tokenizer) is missing or malformed.
    case invalidModelFile(path: String, reason: String)
    /// The requested language is not one the model knows, or the model is English-only.
    case unsupportedLanguage(String)
    /// An option value is out of range.
    case invalidOption(String)

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .modelNotFound(path): "\(path): no such model (set --model or SIGNANCHOR_MODEL; scripts/setup installs the default)"
        case let .modelNotInstalled(name, searched):
            "speech model '\(name)' is not installed; looked in \(searched.joined(separator: ", ")) "
                + "(scripts/setup installs it in a checkout, scripts/install into a prefix; or give --model PATH)"
        case let .unknownModelFormat(path): "\(path): not a Whisper model (neither CTranslate2 model.bin nor whisper.cpp ggml)"
        case let .truncatedModel(path, offset): "\(path): truncated model file (ends at byte \(offset))"
        case let .unsupportedModelVersion(path, version): "\(path): unsupported model format version \(version)"
        case let .invalidModel(path, reason): "\(path): invalid Whisper model: \(reason)"
        case let .missingTensor(path, name): "\(path): model lacks tensor \(name)"
        case let .shapeMismatch(path, name, expected, found):
            "\(path): tensor \(name) has shape \(found), expected \(expected)"
        case let .unsupportedTensorType(path, name, type): "\(path): tensor \(name) has unsupported type \(type)"
        case let .invalidModelFile(path, reason): "\(path): \(reason)"
        case let .unsupportedLanguage(code): "language '\(code)' is not supported by this model"
        case let .invalidOption(message): message
        }
    }
}
