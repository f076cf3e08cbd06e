import AnchorCore
import ArgumentParser
import Foundation
import MediaIO

/// `signanchor media-info INPUT`: container, duration and streams of any input FFmpeg can read.
struct MediaInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media-info",
        abstract: "Show the container, duration and streams of a media file or stream."
    )

    @Argument(help: "A media file, a URL FFmpeg can open, or - for stdin.")
    var input: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    func run() async throws {
        try OutputSafety.check(outputs: [output], inputs: [input])
        let info = try MediaInfo.probe(path: input)
        switch format {
        case .json: try Console.emit(try JSON.encode(info), to: output)
        case .text: try Console.emit(Self.text(info), to: output)
        }
    }

    static func text(_ info: MediaInfo) -> String {
        var lines = ["\(info.path): \(info.formatDescription.isEmpty ? info.format : info.formatDescription)"]
        lines.append("  duration: \(info.duration.map { String(format: "%.3f s", $0) } ?? "unknown")"
            + (info.bitRate.map { ", \($0 / 1000) kb/s" } ?? ""))
        for stream in info.streams {
            var parts = ["#\(stream.index) \(stream.kind.rawValue): \(stream.codec)"]
            if let profile = stream.profile { parts[0] += " (\(profile))" }
            if let rate = stream.sampleRate { parts.append("\(rate) Hz") }
            if let layout = stream.channelLayout ?? stream.channels.map({ "\($0) ch" }) { parts.append(layout) }
            if let width = stream.width, let height = stream.height { parts.append("\(width)x\(height)") }
            if let fps = stream.frameRate { parts.append(String(format: "%.3g fps", fps)) }
            if let pixelFormat = stream.pixelFormat { parts.append(pixelFormat) }
            if stream.isAttachedPicture == true { parts.append("cover picture") }
            if let language = stream.language { parts.append("language \(language)") }
            if let duration = stream.duration { parts.append(String(format: "%.3f s", duration)) }
            lines.append("  " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
