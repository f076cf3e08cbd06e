import AnchorCore
import ArgumentParser
import Foundation
import Lexicon
import Service
import Whisper

/// `signanchor serve`: the HTTP API (docs/api.md) until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dictionary, the stages and whole anchor jobs over HTTP (docs/api.md).",
        discussion: """
        Every sign language, the avatar and the speech model are loaded once at start-up; a broken lexicon stops \
        the server before it listens. When it is up it prints 'listening on http://HOST:PORT' on stdout (with \
        --port 0, the port picked). One line per request goes to stderr. SIGINT, SIGTERM or SIGHUP stop it gracefully \
        (jobs and live streams are stopped, exit 0 within 5 s); a second signal stops it at once.
        """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "The lexicon folder (default: $SIGNANCHOR_LEXICON, else Lexicon/ in the data folders: docs/cli.md).")
    var lexicon: String?

    @Option(help: "Sign languages to load, comma-separated.")
    var signLanguages = "csl,asl"

    @Option(help: SpeechOptions.modelHelp)
    var model: String?

    @OptionGroup var avatar: AvatarOptions

    @OptionGroup var mouthing: MouthingOptions

    @Option(help: "Largest JSON request body, bytes.")
    var jsonLimit = 1 << 20

    @Option(help: "Largest media upload for a job, bytes (streamed to disk).")
    var uploadLimit = 2 << 30

    @Option(help: "Jobs that run at once; the others wait in a queue.")
    var jobs = 1

    @Option(help: "The dictionary web page's folder (default: $SIGNANCHOR_WEB, else Web/ in the data folders).")
    var web: String?

    @Option(help: "Turn the review page and endpoints on, appending signers' reviews to this JSON Lines file.")
    var reviewFile: String?

    @Option(help: "Folder for rendered sign videos (default: $XDG_CACHE_HOME/signanchor/videos or ~/.cache/signanchor/videos).")
    var videoCache: String?

    @Option(help: "The video cache's bound, bytes; the least recently used videos go first.")
    var videoCacheSize = 512 << 20

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard jsonLimit > 0, uploadLimit > 0 else { throw ValidationError("--json-limit and --upload-limit must be positive") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard videoCacheSize > 0 else { throw ValidationError("--video-cache-size must be positive (bytes)") }
    }

    func run() async throws {
        var options = ServiceOptions(lexiconRoot: try lexicon ?? LexiconLoader.defaultRoot(), rigPath: try avatar.rigPath(),
                                     lookPath: try avatar.lookPath(), modelPath: ModelCatalog.path(for: model))
        options.visemesPath = try mouthing.visemesPath()
        options.host = host
        options.port = port
        options.signLanguages = signLanguages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        options.jsonLimit = jsonLimit
        options.uploadLimit = uploadLimit
        options.concurrentJobs = jobs
        options.webRoot = try (web ?? DataSet.web.locate()).map { folder in
            guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("index.html")) else {
                throw CLIError("\(folder): not the web page's folder (no index.html)")
            }
            return folder
        }
        options.reviewFile = reviewFile
        options.videoCache = videoCache ?? Self.defaultVideoCache()
        options.videoCacheLimit = videoCacheSize
        let server = try SignAnchorServer(options: options)
        // The server stops itself on the first signal (jobs and live streams cancelled, requests finished); the
        // guard only makes sure it is gone 5 s later, or at once on a second signal, with its files removed.
        SignalGuard.onFirstSignal(grace: 4.8) {}
        try await server.run { address in
            FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
        }
        // Stopped gracefully: exit 0 without atexit handlers (OpenBLAS's would join its threads, which a job
        // stopped by the deadline may still be using).
        TemporaryFiles.removeAllBeforeExit()
        _exit(0)
    }

    /// The default video cache, or a folder in the temporary directory when the home folder has no usable cache
    /// (a service user without a home): videos are only a cache, so the server starts either way.
    private static func defaultVideoCache() -> String {
        let preferred = ServiceOptions.defaultVideoCache
        if (try? FileManager.default.createDirectory(atPath: preferred, withIntermediateDirectories: true)) != nil,
           FileManager.default.isWritableFile(atPath: preferred) {
            return preferred
        }
        let fallback = (NSTemporaryDirectory() as NSString).appendingPathComponent("signanchor.videos.\(getuid())")
        Console.note("\(preferred): cannot use as the video cache; caching videos in \(fallback)")
        return fallback
    }
}
