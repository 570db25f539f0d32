import ArgumentParser
import WowGuardAgents
import WowGuardCore
import WowGuardSystem

/// `install --agent` / `uninstall --agent` / `check-install`: thin shells around the adapters.
enum AgentInstall {
    static func install(_ kind: AgentKind, scope: InstallScope, printOnly: Bool) throws {
        let adapter = AgentAdapters.adapter(for: kind)
        let host = AgentEnvironment.host()
        let changes: [Change]
        do { changes = try adapter.install(scope: scope, host: host, binary: Executable.path()) } catch { throw CLIError(error.description) }
        for change in changes {
            if printOnly {
                Posix.output("# \(change.path)\(change.isNoOp ? " (already up to date)" : change.before == nil ? " (new file)" : "")\n")
                Posix.output(change.after ?? "")
                for n in change.notes { Posix.output("# note: \(n)\n") }
                continue
            }
            do { try change.apply() } catch { throw CLIError(error.description) }
            Posix.output(change.isNoOp ? "wow-guard: the \(adapter.displayName) hook in \(change.path) is up to date\n"
                                       : "wow-guard: \(adapter.displayName) runs wow-guard on \(adapter.registrations.map(\.event).joined(separator: ", ")) (\(change.path))\n")
            for n in change.notes { Posix.output("wow-guard: note: \(n)\n") }
        }
        if scope == .project && host.which("wow-guard") == nil {
            Posix.output("""
                wow-guard: warning: `wow-guard` is not on PATH, so \(adapter.displayName) will not find the hook command \
                (project settings name the command, not this machine's path; most agents then let the call through). \
                Put it on PATH, e.g. `ln -s \(Executable.path()) ~/.local/bin/wow-guard`.

                """, to: 2)
        }
    }

    static func uninstall(_ kind: AgentKind, scope: InstallScope) throws {
        let adapter = AgentAdapters.adapter(for: kind)
        let host = AgentEnvironment.host()
        let changes: [Change]
        do { changes = try adapter.uninstall(scope: scope, host: host) } catch { throw CLIError(error.description) }
        if changes.isEmpty || changes.allSatisfy(\.isNoOp) {
            let path = adapter.settingsFile(scope: scope, host: host) ?? adapter.displayName
            Posix.output("wow-guard: no wow-guard hook in \(path); nothing to do\n")
            return
        }
        for change in changes where !change.isNoOp {
            do { try change.apply() } catch { throw CLIError(error.description) }
            Posix.output("wow-guard: removed the \(adapter.displayName) hook from \(change.path)\(change.after == nil ? " (the file held nothing else and is gone)" : "")\n")
        }
    }
}

struct CheckInstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-install",
        abstract: "Check that every configured agent hook of wow-guard resolves to a program the agent can run.",
        discussion: "Exit status 0 when all resolve (or none is configured), 1 when one does not: most agents then let every call through."
    )

    func run() throws {
        let host = AgentEnvironment.host()
        let project = host.base(.project)
        var broken = 0
        var found = 0
        for adapter in AgentAdapters.all {
            for hook in adapter.configuredHooks(host: host) where hook.isWowGuard {
                found += 1
                if hook.resolves(host: host, projectDir: project) {
                    Posix.output("ok       \(adapter.displayName) \(hook.event): \(hook.command) (\(hook.settingsFile))\n")
                } else {
                    broken += 1
                    Posix.output("MISSING  \(adapter.displayName) \(hook.event): \(hook.command) (\(hook.settingsFile)): the command is not found, so the guard is off\n")
                }
            }
        }
        if found == 0 { Posix.output("no wow-guard agent hook is configured here (wow-guard install --agent NAME)\n") }
        if broken > 0 { throw ExitCode(1) }
    }
}
