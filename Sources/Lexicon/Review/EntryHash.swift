import AnchorCore

extension LexiconEntry {
    /// The hash of what the entry says about the sign, 16 hex digits: FNV-1a (64 bit) of its text as
    /// ``EntryWriter`` writes it, without `verified:` and the review fields.
    ///
    /// A review records the hash of the entry it judged; applying it refuses an entry whose hash has changed since
    /// (someone edited the form). Marking an entry verified does not change its hash, so applying is idempotent.
    /// A compound hashes its own text (its parts' ids), not its parts' forms.
    public var contentHash: String {
        var unreviewed = self
        unreviewed.verified = false
        unreviewed.review = nil
        return ContentHash(EntryWriter.text(unreviewed).utf8).hex
    }

    /// Whether the entry's form is a reconstruction (its source or note says so), for reviewers to check first.
    public var isReconstruction: Bool {
        provenance.source.lowercased().contains("reconstruct") || (note?.lowercased().contains("reconstruct") ?? false)
    }
}
