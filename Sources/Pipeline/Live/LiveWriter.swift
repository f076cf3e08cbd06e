import AnchorCore
import Foundation
import MediaIO
import Motion
import Render

/// The writer thread of a live run: picks each output frame (the signing placed at that time, else the idle
/// loop), renders and encodes it, and writes it to the JSON Lines stream (a file and/or a caller's sink).
/// Owns its renderer, encoder and file.
final class LiveWriter {
    private let fps: Double
    private let idle: AnimationTrack
    private let renderer: TrackRenderer?
    private let encoder: VideoEncoder?
    private let animationFile: FileHandle?
    private let animationSink: (@Sendable (String) -> Void)?
    private var frameCount = 0

    /// Opens the outputs `options` names.
    /// - Throws: errors of the video size, codec or destination, or the animation file.
    init(options: LiveOptions, geometry: AvatarGeometry, idle: AnimationTrack, animationSink: (@Sendable (String) -> Void)?) throws {
        fps = options.anchor.fps
        self.idle = idle
        if let video = options.video {
            let settings = options.anchor.video
            let renderer = try TrackRenderer(geometry: geometry, width: settings.width, height: settings.height,
                                             background: settings.background)
            try renderer.check(idle)
            self.renderer = renderer
            encoder = try VideoEncoder(path: video, width: settings.width, height: settings.height,
                                       frameRate: try FrameRate(parsing: String(fps)),
                                       options: .init(codec: settings.codec, live: true))
        } else {
            renderer = nil
            encoder = nil
        }
        animationFile = try options.animation.map(Self.open)
        self.animationSink = animationSink
        try emit { try JSONLinesWriter.header(idle.withoutFrames) }
    }

    /// Seconds of avatar written.
    var seconds: Double { Double(frameCount) / fps }

    /// Writes frames until the input has ended and everything placed has been signed.
    /// - Returns: one report entry per signed utterance.
    func writeLoop(shared: LiveState, slack: Double, log: (@Sendable (String) -> Void)?) throws -> [LiveReport.Entry] {
        var entries: [LiveReport.Entry] = []
        var lastImage: RGBAImage?
        while true {
            let time = Double(frameCount) / fps
            let step = try shared.wait(until: { fields in
                fields.error != nil || fields.endedEarly || fields.drained || time <= fields.gate(slack: slack)
            }) { fields -> (current: PlacedSigning?, lag: Double)? in
                if let error = fields.error { throw error }
                if fields.endedEarly { return nil }
                if fields.drained && time >= max(fields.received, fields.placed.last?.end ?? 0) { return nil }
                fields.placed.removeAll { $0.end <= time }
                fields.head = Double(frameCount + 1) / fps
                return (fields.placed.first { $0.start <= time }, fields.gate(slack: slack) - time)
            }
            guard let step else { break }
            let frame: AnimationTrack.Frame
            if let current = step.current {
                frame = current.track.frames[min(current.track.frames.count - 1, Int(((time - current.start) * fps + 1e-6).rounded(.down)))]
                if entries.last?.signingStart != LiveReport.ms(current.start) {
                    entries.append(try announce(current, log: log))
                }
            } else {
                frame = idle.frames[frameCount % idle.frames.count]
            }
            if let renderer, let encoder {
                // Far behind the input (the machine cannot keep up), render every second or fourth frame and
                // repeat it, so the avatar catches up instead of drifting ever later.
                let stride = step.lag > 8 ? 4 : step.lag > 4 ? 2 : 1
                if frameCount % stride == 0 || lastImage == nil { lastImage = renderer.render(frame) }
                try encoder.append(lastImage!)
            }
            try emit { try JSONLinesWriter.frame(frame, index: frameCount, fps: fps) }
            frameCount += 1
        }
        if frameCount > 0 { try encoder?.finish() }
        try animationFile?.close()
        return entries
    }

    /// The report entry of a signing whose first frame is being written; logged and announced in the stream.
    private func announce(_ signing: PlacedSigning, log: (@Sendable (String) -> Void)?) throws -> LiveReport.Entry {
        let entry = LiveReport.Entry(
            speechStart: LiveReport.ms(signing.speech.start), speechEnd: LiveReport.ms(signing.speech.end), text: signing.speech.text,
            signed: signing.signed, glosses: signing.glosses, signingStart: LiveReport.ms(signing.start),
            delay: LiveReport.ms(ProcessInfo.processInfo.systemUptime - signing.arrival), processing: LiveReport.ms(signing.processing))
        try emit { try JSONLinesWriter.encode(SignsLine(entry)) }
        log?(String(format: "live: speech %.1f–%.1f s “%@” → %@ at %.1f s; ready %.1f s after the speech, delay %.1f s",
                    entry.speechStart, entry.speechEnd, entry.text, entry.glosses.joined(separator: " "), entry.signingStart,
                    entry.processing, entry.delay))
        return entry
    }

    /// The stream line announcing a signed utterance before its first frame.
    private struct SignsLine: Encodable {
        let type = "signs"
        let speech: [Double], text: String, signed: String, glosses: [String], start: Double
        init(_ entry: LiveReport.Entry) {
            speech = [entry.speechStart, entry.speechEnd]
            text = entry.text
            signed = entry.signed
            glosses = entry.glosses
            start = entry.signingStart
        }
    }

    /// Fails at once when a file destination's folder is missing or not writable: checked before the input is
    /// opened, which for a live stream can take until its first data arrives.
    static func checkDestination(_ path: String?) throws {
        guard let path, path != "-", !path.contains("://") else { return }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.isWritableFile(atPath: folder) else {
            throw PipelineError.invalidJob("\(path): cannot write: folder \(folder) does not exist or is not writable")
        }
    }

    private static func open(_ path: String) throws -> FileHandle {
        if path == "-" { return FileHandle.standardOutput }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw PipelineError.invalidJob("\(path): cannot write the animation stream")
        }
        return handle
    }

    /// Sends a JSON Lines line to the animation file and sink; the line is only made when someone takes it.
    private func emit(_ line: () throws -> String) throws {
        guard animationFile != nil || animationSink != nil else { return }
        let text = try line()
        if let animationFile {
            do { try animationFile.write(contentsOf: Data((text + "\n").utf8)) } catch {
                throw PipelineError.invalidJob("cannot write the animation stream: \(error.localizedDescription)")
            }
        }
        animationSink?(text)
    }
}

private extension AnimationTrack {
    /// The same rig, rate and names with no frames or spans: the header of a stream whose frames come later.
    var withoutFrames: AnimationTrack {
        var copy = self
        copy.frames = []
        copy.spans = []
        return copy
    }
}
