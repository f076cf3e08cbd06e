internal import CFFmpeg

extension InputContainer {
    /// Sends the next packet of stream `index` to `decoder`, skipping other streams; at the end of the input,
    /// switches the decoder to draining.
    ///
    /// A damaged packet is skipped, as players do, so one bad packet in a broadcast does not stop the job.
    /// - Returns: false once the input has ended.
    func feed(_ decoder: CodecContext, stream index: Int32, packet: Packet) throws -> Bool {
        while try read(into: packet) {
            defer { av_packet_unref(packet.raw) }
            guard packet.raw.pointee.stream_index == index else { continue }
            let sent = avcodec_send_packet(decoder.raw, packet.raw)
            if sent < 0 && sent != cff_averror_invaliddata() && sent != cff_averror_eagain() {
                throw MediaIOError.corrupt(path: path, reason: ffmpegErrorText(sent))
            }
            return true
        }
        avcodec_send_packet(decoder.raw, nil)
        return false
    }

    /// Hands every frame `decoder` has ready to `body` (and releases it after), skipping undecodable ones.
    func receiveFrames(from decoder: CodecContext, into frame: Frame,
                       _ body: (UnsafeMutablePointer<AVFrame>) throws -> Void) throws {
        while true {
            let status = avcodec_receive_frame(decoder.raw, frame.raw)
            if status == cff_averror_eagain() || status == cff_averror_eof() { return }
            if status == cff_averror_invaliddata() { continue }
            if status < 0 { throw MediaIOError.corrupt(path: path, reason: ffmpegErrorText(status)) }
            defer { av_frame_unref(frame.raw) }
            try body(frame.raw)
        }
    }
}
