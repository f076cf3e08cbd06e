// port of the segment loop in https://github.com/openai/whisper/blob/main/whisper/transcribe.py (seek logic).

/// Splits one window's tokens at timestamp pairs into timed segments and says how far to seek.
struct SegmentSplitter {
    let special: SpecialTokens

    /// One segment of a window, times relative to the window start.
    struct Piece: Equatable {
        var start: Double
        var end: Double
        /// Text tokens and the enclosing timestamps.
        var tokens: [Int]
    }

    /// - Parameters:
    ///   - tokens: the window's sampled tokens, end-of-text removed.
    ///   - segmentFrames: mel frames of real content in the window (3000 except at the end of the input).
    /// - Returns: the segments and the number of mel frames to advance.
    func split(_ tokens: [Int], segmentFrames: Int) -> (pieces: [Piece], advance: Int) {
        let tsBegin = special.timestampBegin
        let isTimestamp = tokens.map { $0 >= tsBegin }
        let singleTimestampEnding = isTimestamp.count >= 2 && !isTimestamp[isTimestamp.count - 2] && isTimestamp.last!
        // Positions right after each [ts, ts] pair.
        var slices = (1..<max(1, tokens.count)).filter { isTimestamp[$0 - 1] && isTimestamp[$0] }
        let time = { (token: Int) in Double(token - tsBegin) * SpecialTokens.timePrecision }
        guard !slices.isEmpty else {
            // No pair: one segment for the window, ending at the last timestamp if there is one.
            var duration = Double(segmentFrames) * Double(LogMel.hop) / 16_000
            if let last = tokens.last(where: { $0 >= tsBegin }), last != tsBegin { duration = time(last) }
            return ([Piece(start: 0, end: duration, tokens: tokens)], segmentFrames)
        }
        if singleTimestampEnding { slices.append(tokens.count) }
        var pieces: [Piece] = [], lastSlice = 0
        for current in slices {
            let piece = Array(tokens[lastSlice..<current])
            pieces.append(Piece(start: time(piece.first!), end: time(piece.last!), tokens: piece))
            lastSlice = current
        }
        // Seek to the last timestamp unless the window ended on a lone one (then the speech ran to its end).
        let advance = singleTimestampEnding ? segmentFrames : (tokens[lastSlice - 1] - tsBegin) * 2
        return (pieces, advance)
    }
}
