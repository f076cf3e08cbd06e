import Foundation

/// One set of data the program needs (the lexicons, the rig, the look, a speech model) and where it looks for it.
///
/// The order, documented in docs/cli.md and shown by `signanchor --version`: the command's option (the caller's),
/// the data set's own environment variable, then `relative` under each of ``ResourcePaths/roots()``:
/// `$SIGNANCHOR_HOME`, the working folder (a checkout), `../share/signanchor` beside the resolved program (an
/// installation), and the folders above the program (a checkout's `.build/release/signanchor` run from elsewhere).
public struct DataSet: Sendable, Equatable {
    /// What it is, for messages: "lexicon", "rig".
    public var name: String
    /// Its path under a data root: a checkout and an installation's `share/signanchor` have the same layout.
    public var relative: String
    /// The environment variable that names it directly, when there is one.
    public var environment: String?

    /// A data set at `relative` under a data root, optionally named directly by `environment`.
    public init(name: String, relative: String, environment: String? = nil) {
        self.name = name
        self.relative = relative
        self.environment = environment
    }

    /// The sign dictionaries (`csl/`, `asl/`, `spoken/`).
    public static let lexicon = DataSet(name: "lexicon", relative: "Lexicon", environment: "SIGNANCHOR_LEXICON")
    /// The avatar's skeleton: the human body's, which scripts/setup measures on the mesh (scripts/avatar-data).
    public static let rig = DataSet(name: "rig", relative: ".models/avatar/human.rig", environment: "SIGNANCHOR_RIG")
    /// How the avatar is drawn: the human mesh (`Rigs/adult.rig` with `Rigs/adult.look` is the mannequin).
    public static let look = DataSet(name: "look", relative: "Rigs/human.look", environment: "SIGNANCHOR_LOOK")
    /// The avatar's mouth shapes, one per viseme (docs/mouthing.md).
    public static let visemes = DataSet(name: "mouth shapes", relative: "Rigs/visemes.txt", environment: "SIGNANCHOR_VISEMES")
    /// The dictionary web page `serve` answers at `/`.
    public static let web = DataSet(name: "web page", relative: "Web", environment: "SIGNANCHOR_WEB")

    /// The environment variable's value when it is set (used as given, found or not: the user chose it).
    public var environmentValue: String? {
        guard let environment, let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty else { return nil }
        return value
    }

    /// The path to use: the environment variable's value, else the first root holding `relative`; nil when none does.
    public func locate() -> String? {
        if let environmentValue { return environmentValue }
        return ResourcePaths.roots().lazy.map { ($0.path as NSString).appendingPathComponent(relative) }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// ``locate()``, or an error naming every place looked in.
    /// - Throws: ``AnchorCoreError/dataNotFound(name:relative:searched:)``.
    public func path() throws -> String {
        if let found = locate() { return found }
        throw AnchorCoreError.dataNotFound(name: name, relative: relative, searched: searched)
    }

    /// Where ``locate()`` looks, in order, for messages: "$SIGNANCHOR_RIG (unset)", "/srv/x (working folder)".
    public var searched: [String] {
        var places = environment.map { ["$\($0) (unset)"] } ?? []
        places += ResourcePaths.roots().map(\.description)
        return places
    }
}

/// The data roots searched for every ``DataSet``, in order.
public enum ResourcePaths {
    /// One place data may be: a folder with the checkout's layout (`Lexicon/`, `Rigs/`, `.models/`).
    public struct Root: Sendable, Equatable, CustomStringConvertible {
        /// Why it is searched: "SIGNANCHOR_HOME", "working folder", "installation", "checkout of the program".
        public var label: String
        /// The folder.
        public var path: String
        /// "/srv/x (working folder)", as messages and `--version` list it.
        public var description: String { "\(path) (\(label))" }
    }

    /// `$SIGNANCHOR_HOME` when set, the working folder, `../share/signanchor` beside the resolved program, and the
    /// folders above the program up to the fifth (`.build/x86_64-unknown-linux-gnu/release/signanchor` → the checkout).
    public static func roots() -> [Root] {
        var roots: [Root] = []
        if let home = ProcessInfo.processInfo.environment["SIGNANCHOR_HOME"], !home.isEmpty {
            roots.append(Root(label: "SIGNANCHOR_HOME", path: home))
        }
        roots.append(Root(label: "working folder", path: FileManager.default.currentDirectoryPath))
        let program = programFolder
        roots.append(Root(label: "installation", path: program.deletingLastPathComponent().appendingPathComponent("share/signanchor").path))
        var folder = program
        for _ in 0..<5 {
            roots.append(Root(label: "above the program", path: folder.path))
            folder = folder.deletingLastPathComponent()
            if folder.path == "/" { break }
        }
        return roots
    }

    /// The folder of the running program, symbolic links resolved (`/usr/local/bin/signanchor` → its real folder).
    /// `/proc/self/exe` first: `argv[0]` is only a name when the program was found through `PATH`.
    private static var programFolder: URL {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "."
        return URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
