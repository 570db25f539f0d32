import WowGuardCore
import WowGuardSystem
import WowGuardStore

/// The machine a hook call or an install runs on: environment, home, project root, clock and
/// configuration, injected so that the protocols can be tested in-process.
public struct HookHost: Sendable {
    /// An environment variable (empty counts as unset).
    public var environment: @Sendable (String) -> String?
    public var home: String?
    /// The process's working directory (the payload's `cwd` wins when it has one).
    public var cwd: String
    /// The project root around a directory (the enclosing git work tree), if any.
    public var projectRoot: @Sendable (String) -> String?
    /// Seconds since 1970.
    public var now: @Sendable () -> Double
    /// The merged configuration for a project (user's, then the repository's); a problem is
    /// returned as a warning and the configuration skipped (its allowlists would only loosen).
    public var configuration: @Sendable (_ projectDir: String?) -> (Config, warning: String?)
    /// Resolves a path through symbolic links (nil when nothing exists there).
    public var realPath: @Sendable (String) -> String?
    /// Finds a command on PATH.
    public var which: @Sendable (String) -> String?
    /// Where the audit log and the taint store live (nil: no state is kept).
    public var state: StoreSettings?

    public init(environment: @escaping @Sendable (String) -> String?, home: String?, cwd: String,
                projectRoot: @escaping @Sendable (String) -> String? = { Posix.gitTopLevel(of: $0) },
                now: @escaping @Sendable () -> Double = { Posix.wallClock() },
                configuration: @escaping @Sendable (String?) -> (Config, warning: String?) = { _ in (Config(), nil) },
                realPath: @escaping @Sendable (String) -> String? = { Posix.realPath($0) },
                which: (@Sendable (String) -> String?)? = nil, state: StoreSettings? = nil) {
        self.environment = environment
        self.home = home
        self.cwd = cwd
        self.projectRoot = projectRoot
        self.now = now
        self.configuration = configuration
        self.realPath = realPath
        self.which = which ?? { name in Posix.which(name, path: environment("PATH")) }
        self.state = state
    }

    /// This process's machine.
    public static func system(configuration: @escaping @Sendable (String?) -> (Config, warning: String?)) -> HookHost {
        let home = Posix.env("HOME")
        return HookHost(environment: { Posix.env($0) }, home: home, cwd: Posix.cwd(), configuration: configuration,
                        state: StoreSettings(environment: { Posix.env($0) }, home: home))
    }

    /// The base directory of an install scope: the project root (git work tree around cwd) or home.
    public func base(_ scope: InstallScope) -> String? {
        scope == .user ? home : (projectRoot(cwd) ?? cwd)
    }
}
