/// Punctuation of Chinese transcript segments as the later stages need it: full-width marks, and a sentence end
/// at the end of every segment, since Whisper ends segments at pauses and distillation and glossing cut clauses
/// at marks.
enum ChinesePunctuation {
    /// ASCII marks Whisper writes between Chinese characters, and their full-width forms.
    private static let fullWidth: [Character: Character] = [",": "，", "?": "？", "!": "！", ";": "；", ":": "："]
    /// Marks that end a sentence or a clause.
    private static let ends: Set<Character> = ["。", "！", "？", "；", "，", "、", "：", "…", ".", "!", "?", ";", ","]

    /// `text` with ASCII marks next to Chinese characters made full-width, ending with a mark (`。` when it had none).
    static func normalise(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            // A mark between digits (8,000 or 10:30) or Latin words stays ASCII.
            if let wide = fullWidth[character], let previous, isChinese(previous) {
                result.append(wide)
            } else {
                result.append(character)
            }
        }
        if let last = result.last, !ends.contains(last), characters.contains(where: isChinese) { result.append("。") }
        return result
    }

    private static func isChinese(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) } ?? false
    }
}
