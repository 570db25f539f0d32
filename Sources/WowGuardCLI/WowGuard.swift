import ArgumentParser
import WowGuardCore
import WowGuardGit

public struct WowGuard: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wow-guard",
        abstract: "Blocks credentials and dangerous scripts before they reach a commit or an agent's tool call.",
        version: Report.version,
        subcommands: [Scan.self, PreCommit.self, Install.self, Uninstall.self, Allow.self, Rules.self]
    )

    public init() {}

    /// Runs the command line; exit codes: 0 clean, 1 findings, 2 usage/configuration/internal error.
    public static func runMain() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            exit(withCode: 0)
        } catch let error as CLIError {
            Posix.output("wow-guard: \(error.message)\n", to: 2)
            exit(withCode: 2)
        } catch let error as GitError {
            Posix.output("wow-guard: \(error.message)\n", to: 2)
            exit(withCode: 2)
        } catch let error as Posix.Error {
            Posix.output("wow-guard: \(error.description)\n", to: 2)
            exit(withCode: 2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Posix.output(fullMessage(for: error) + "\n", to: 1)
                exit(withCode: 0)
            }
            if let e = error as? ExitCode { exit(withCode: e.rawValue) }
            Posix.output(fullMessage(for: error) + "\n", to: 2)
            exit(withCode: 2)
        }
    }

    static func exit(withCode code: Int32) -> Never {
        Self.exit(withError: code == 0 ? nil : ExitCode(code))
    }
}

/// A user-facing error: printed as `wow-guard: message`, exit code 2.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
