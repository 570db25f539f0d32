import ArgumentParser
import WowGuardCore
import WowGuardSystem

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .wow-guard.toml (every option explained) at the repository root.",
        discussion: "Refuses to overwrite an existing file unless --force. Next: `wow-guard install`."
    )

    @Flag(help: "Replace an existing .wow-guard.toml.")
    var force = false

    @Option(help: "Write the file here instead of the repository root (or current directory).")
    var output: String?

    func run() throws {
        let root = FileLister.gitTopLevel(of: Posix.cwd()) ?? Posix.cwd()
        let path = output ?? root + "/" + Config.fileName
        if Posix.kind(path) != .missing && !force {
            throw CLIError("\(path) already exists; edit it, or pass --force to replace it with the template")
        }
        // The template must load, or init would leave a broken repository.
        do { _ = try ConfigLoader.parse(Templates.config, file: path) } catch { throw CLIError("internal error: the template does not load: \(error.description)") }
        try Posix.writeText(path, Templates.config)
        Posix.output("wow-guard: wrote \(path)\nNext: `wow-guard install` (git hook and the coding agents found here; --dry-run shows the changes first).\n")
    }
}
