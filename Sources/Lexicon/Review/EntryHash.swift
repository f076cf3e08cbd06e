import AnchorCore

extension Lexicon {
    /// The hash of what `entry` says about the sign, 16 hex digits: FNV-1a (64 bit) of its text as ``EntryWriter``
    /// writes it, without `verified:` and the review fields; a compound also mixes in its parts' hashes, since the
    /// form a reviewer watches is made of them.
    ///
    /// A review records the hash of the entry it judged; applying it refuses an entry whose hash has changed since
    /// (someone edited the form, or a part of the compound). Marking an entry verified does not change its hash, so
    /// applying is idempotent.
    public func contentHash(of entry: LexiconEntry) -> String {
        var unreviewed = entry
        unreviewed.verified = false
        unreviewed.review = nil
        var hash = ContentHash()
        hash.addField(EntryWriter.text(unreviewed).utf8)
        // Parts exist and form no cycle: a loaded lexicon has checked both.
        for part in entry.compound ?? [] {
            if let part = self.entry(id: part) { hash.addField(contentHash(of: part).utf8) }
        }
        return hash.hex
    }
}

extension LexiconEntry {
    /// Whether the entry's form is a reconstruction (its source or note says so), for reviewers to check first.
    public var isReconstruction: Bool {
        provenance.source.lowercased().contains("reconstruct") || (note?.lowercased().contains("reconstruct") ?? false)
    }
}
