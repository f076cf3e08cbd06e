import AnchorCore
internal import CFFmpeg
import Foundation

/// Reads timed text: a subtitle stream inside a container (SRT/subrip, ASS/SSA, mov_text, WebVTT)
/// or a sidecar `.srt`, `.vtt` or `.ass` file, which FFmpeg opens as a one-stream container.
public enum SubtitleReader {
    /// All cues of the best (or the given) subtitle stream of `path`, in time order, with formatting tags removed.
    /// - Parameter streamIndex: a container stream index as `media-info` lists it; nil picks the best stream.
    /// - Throws: ``MediaIOError/noSubtitleStream(path:)``, ``MediaIOError/bitmapSubtitles(path:codec:)`` and the
    ///   errors of opening an input.
    public static func read(path: String, streamIndex: Int? = nil) throws -> [TimedText] {
        try SubtitleTimes.check(path: path)
        let input = try InputContainer(path: path)
        let index: Int32
        let codec: UnsafePointer<AVCodec>?
        if let streamIndex {
            guard streamIndex >= 0, streamIndex < Int(input.raw.pointee.nb_streams),
                  input.stream(Int32(streamIndex)).pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_SUBTITLE else {
                throw MediaIOError.invalidArgument("\(path): stream \(streamIndex) is not a subtitle stream")
            }
            index = Int32(streamIndex)
            codec = avcodec_find_decoder(input.stream(index).pointee.codecpar.pointee.codec_id)
        } else {
            guard let best = input.bestStream(AVMEDIA_TYPE_SUBTITLE) else { throw MediaIOError.noSubtitleStream(path: path) }
            (index, codec) = best
        }
        if let codec,
           avcodec_descriptor_get(codec.pointee.id).map({ $0.pointee.props & AV_CODEC_PROP_BITMAP_SUB != 0 }) == true {
            throw MediaIOError.bitmapSubtitles(path: path, codec: codecName(codec.pointee.id))
        }
        let decoder = try input.openDecoder(stream: index, codec: codec)
        let timeBase = input.stream(index).pointee.time_base
        // Times are from the start of the input: containers may start at an offset (AAC priming shifts MKV by 23 ms).
        let origin = containerSeconds(input.raw.pointee.start_time) ?? 0
        let packet = try Packet(path: path)
        var cues: [TimedText] = []
        while try input.read(into: packet) {
            defer { av_packet_unref(packet.raw) }
            guard packet.raw.pointee.stream_index == index, let pts = seconds(packet.raw.pointee.pts, timeBase) else { continue }
            let start = pts - origin
            var subtitle = AVSubtitle()
            var gotSubtitle: Int32 = 0
            let status = avcodec_decode_subtitle2(decoder.raw, &subtitle, &gotSubtitle, packet.raw)
            guard status >= 0, gotSubtitle != 0 else { continue }
            defer { avsubtitle_free(&subtitle) }
            let text = (0..<Int(subtitle.num_rects)).compactMap { cueText(subtitle.rects[$0]!.pointee) }
                .joined(separator: "\n")
            guard !text.isEmpty else { continue }
            let displayStart = start + Double(subtitle.start_display_time) / 1000
            let end: Double = if subtitle.end_display_time > subtitle.start_display_time && subtitle.end_display_time != UInt32.max {
                start + Double(subtitle.end_display_time) / 1000
            } else {
                start + (seconds(packet.raw.pointee.duration, timeBase) ?? 0)
            }
            cues.append(TimedText(start: displayStart, end: end, text: text))
        }
        do {
            try TimedText.check(cues, kind: "cue", source: path)
        } catch let AnchorCoreError.invalidTime(_, reason) {
            throw MediaIOError.invalidTime(path: path, reason: reason)
        }
        return cues.sorted { $0.start < $1.start }
    }

    /// Plain text of one subtitle rectangle.
    private static func cueText(_ rect: AVSubtitleRect) -> String? {
        if let ass = rect.ass { return plainText(fromASSEvent: String(cString: ass)) }
        if let text = rect.text { return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines) }
        return nil
    }

    /// The text field of an ASS event as FFmpeg 5.1 gives it
    /// ("ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text"), without override tags like `{\i1}`.
    static func plainText(fromASSEvent event: String) -> String {
        let fields = event.split(separator: ",", maxSplits: 8, omittingEmptySubsequences: false)
        var text = fields.count == 9 ? String(fields[8]) : event
        while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            text.removeSubrange(open...close)
        }
        text = text.replacingOccurrences(of: "\\N", with: "\n")
            .replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\h", with: " ")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
