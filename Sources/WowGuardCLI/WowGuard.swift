import ArgumentParser
import CBuildInfo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WowGuardCore
import WowGuardGit

public struct WowGuard: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wow-guard",
        abstract: "Blocks credentials and dangerous scripts before they reach a commit or an agent's tool call.",
        version: BuildInfo.versionLine,
        subcommands: [Init.self, Scan.self, PreCommit.self, Hook.self, Check.self, Install.self, Uninstall.self, CheckInstall.self, Log.self, Stats.self,
                      Allow.self, BaselineCommand.self, Rules.self, Explain.self, Doctor.self, GenerateDocs.self]
    )

    public init() {}

    /// Runs the command line; exit codes: 0 clean, 1 findings, 2 usage/configuration/internal error.
    public static func runMain() -> Never {
        // The agent hook runs on every tool call: parse its two possible arguments by hand, which
        // skips the argument parser's reflection-driven set-up (about a millisecond).
        let args = CommandLine.arguments.dropFirst()
        if args.first == "hook", let agent = Hook.fastPathAgent(Array(args.dropFirst())) {
            Glibc.exit(Hook.runFast(agent: agent))
        }
        do {
            if PreCommit.fastPathApplies(Array(args)) {
                try PreCommit.check(config: nil)
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
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

/// The version and the commit the binary was built from.
enum BuildInfo {
    static var commit: String { String(cString: wow_guard_build_commit()) }
    static var versionLine: String { "wow-guard \(Report.version) (commit \(commit))" }
}

/// A user-facing error: printed as `wow-guard: message`, exit code 2.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
