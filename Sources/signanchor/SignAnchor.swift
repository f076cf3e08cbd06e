import AnchorCore
import ArgumentParser
import Foundation

/// The `signanchor` program: one subcommand per pipeline stage and one for the whole job.
struct SignAnchor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signanchor",
        abstract: "Signs broadcast speech with a 3D avatar: speech → text → distilled text → glosses → animation → video.",
        version: DataReport.text,
        subcommands: [
            MediaInfoCommand.self,
            DistillCommand.self,
            GlossCommand.self,
            TranscribeCommand.self,
            LexiconCommand.self,
            AnimateCommand.self,
            AnimateSignCommand.self,
            RenderCommand.self,
            AnchorCommand.self,
            ServeCommand.self,
        ]
    )
}

/// Entry point: runs the chosen subcommand and maps failures to the documented exit codes.
///
/// Exit 0 on success; 1 on a user error (bad input or option) with one line naming the file and the problem;
/// 2 on an internal failure.
@main
enum Main {
    static func main() async {
        SignalGuard.install()
        do {
            var command = try SignAnchor.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error where SignalGuard.received != 0 {
            // Stopped by a signal: whatever failed because of it, the exit is the signal's.
            _ = error
            SignalGuard.exitNow(SignalGuard.received)
        } catch let error as any AnchorError {
            Console.error("\(error)")
            exit(error.isUserError ? 1 : 2)
        } catch let error as CLIError {
            Console.error(error.message)
            exit(1)
        } catch {
            let code = SignAnchor.exitCode(for: error)
            let message = SignAnchor.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            // ArgumentParser errors (unknown option, bad value) are user errors; anything else is ours.
            if error is CleanExit || code == .validationFailure || !message.isEmpty && isParserError(error) {
                let first = message.split(separator: "\n").first.map(String.init) ?? message
                Console.error(first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
                Console.error("Run 'signanchor help' for usage.")
                exit(1)
            }
            Console.error("internal error: \(error)")
            exit(2)
        }
    }

    /// ArgumentParser reports parse failures through its own internal error types.
    private static func isParserError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
