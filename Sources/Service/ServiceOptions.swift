import AnchorCore
import Foundation
import Lexicon
import Whisper

/// How `signanchor serve` runs: where it listens, what it loads, what it accepts.
public struct ServiceOptions: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (the address is printed when the server is up).
    public var port = 8080
    /// The lexicon root (holding `csl/`, `asl/`, `spoken/`).
    public var lexiconRoot: String
    /// The sign languages loaded at start-up.
    public var signLanguages = ["csl", "asl"]
    /// The avatar's skeleton and look.
    public var rigPath: String
    /// How the avatar is drawn.
    public var lookPath: String
    /// The avatar's mouth shapes: signs mouth their words; nil: no mouthing.
    public var visemesPath: String?
    /// The Whisper model for jobs on speech (jobs then need `text` when nothing is there).
    public var modelPath: String
    /// The largest JSON request body, bytes.
    public var jsonLimit = 1 << 20
    /// The largest media upload of `POST /jobs`, bytes (streamed to disk, never held in memory).
    public var uploadLimit = 2 << 30
    /// The largest answer of a text endpoint (`/gloss`, `/distill`, `/animate`), as a multiple of its request body:
    /// a small request must not make the server build and send a hundred times as much.
    public var responseFactor = 32
    /// Answers up to this many bytes are always allowed, however small the request.
    public var responseFloor = 4 << 20
    /// Jobs run at once; later ones wait in a queue.
    public var concurrentJobs = 1
    /// Finished jobs kept (oldest removed first, with their files).
    public var keptJobs = 100
    /// The dictionary web page's folder (`Web/`), nil to serve the API alone.
    public var webRoot: String?
    /// The review file (JSON Lines) `POST /review` appends to; nil turns review off.
    public var reviewFile: String?
    /// Where rendered sign and sentence videos are cached.
    public var videoCache = ServiceOptions.defaultVideoCache
    /// The video cache's bound, bytes.
    public var videoCacheLimit = 512 << 20

    /// `$XDG_CACHE_HOME/signanchor/videos`, else `~/.cache/signanchor/videos`.
    public static var defaultVideoCache: String {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (base as NSString).appendingPathComponent("signanchor/videos")
    }

    /// The data to load (found with ``DataSet`` by the caller); everything else has its default.
    public init(lexiconRoot: String, rigPath: String, lookPath: String, modelPath: String) {
        self.lexiconRoot = lexiconRoot
        self.rigPath = rigPath
        self.lookPath = lookPath
        self.modelPath = modelPath
    }
}
