/// Writes entries in the text format that ``EntryParser`` reads; parse(write(x)) == x.
public enum EntryWriter {
    /// The text of one entry, without a trailing blank line.
    public static func text(_ entry: LexiconEntry) -> String {
        var lines = ["id: \(entry.id)", "gloss: \(entry.gloss)", "category: \(entry.category)"]
        for sense in entry.words {
            var options: [String] = []
            if let pos = sense.partOfSpeech { options.append("pos=\(pos.rawValue)") }
            if sense.priority != 1 { options.append("priority=\(sense.priority)") }
            if let region = sense.region { options.append("region=\(region)") }
            if let meaning = sense.sense { options.append("sense=\(meaning)") }
            if sense.signsInWords { options.append("in-words=true") }
            lines.append("\(sense.language): " + ([sense.words.joined(separator: ", ")] + options).joined(separator: "; "))
        }
        if let spells = entry.spells { lines.append("spells: \(spells)") }
        if let parts = entry.compound {
            // A compound is written as its parts, never as the expansion a loaded lexicon holds.
            lines.append("compound: " + parts.joined(separator: ", "))
        } else {
            let manualHeader = entry.phonology.manual.attributes.map(NodeSyntax.attribute).joined(separator: " ")
            lines.append(manualHeader.isEmpty ? "manual:" : "manual: \(manualHeader)")
            lines += entry.phonology.manual.children.flatMap { NodeSyntax.lines($0, depth: 1) }
        }
        if !entry.phonology.nonManual.isEmpty {
            lines.append("nonmanual:")
            lines += entry.phonology.nonManual.flatMap { NodeSyntax.lines($0, depth: 1) }
        }
        if !entry.timing.isEmpty {
            let hints = [("duration", entry.timing.duration), ("hold", entry.timing.hold), ("speed", entry.timing.speed)]
            lines.append("timing: " + hints.compactMap { name, value in value.map { "\(name)=\($0)" } }
                .joined(separator: " "))
        }
        lines.append("source: \(entry.provenance.source)")
        if let license = entry.provenance.license { lines.append("license: \(license)") }
        lines.append("verified: \(entry.verified)")
        if let review = entry.review { lines += ["reviewed-by: \(review.reviewer)", "reviewed: \(review.date)"] }
        if let note = entry.note { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    /// A whole file: an optional comment header, then the entries separated by blank lines.
    public static func file(_ entries: [LexiconEntry], header: String? = nil) -> String {
        let comment = header.map { $0.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "# \($0)" }.joined(separator: "\n") + "\n\n" } ?? ""
        return comment + entries.map(text).joined(separator: "\n\n") + "\n"
    }

    /// The text of a `language.txt` file describing a sign language.
    public static func languageFile(_ info: SignLanguageInfo) -> String {
        """
        code: \(info.code)
        name: \(info.name)
        spoken: \(info.spokenLanguages.joined(separator: ", "))
        categories: \(info.categories.joined(separator: ", "))
        fingerspelling: \(info.fingerspelling.rawValue)
        mouthing: \(info.mouthing.rawValue)

        """
    }
}
