/// Where a shell command runs. Relative paths resolve against `cwd` (or `projectDir` when `cwd`
/// is unknown), `~` and `$HOME` against `homeDir`. Deleting inside the project or a temp dir is
/// normal work; deleting elsewhere is not.
public struct ShellContext: Sendable {
    /// Absolute; the project the agent works on.
    public var projectDir: String?
    /// Absolute, e.g. `/home/dev`.
    public var homeDir: String?
    /// Absolute working directory of the command.
    public var cwd: String?
    /// Directories whose contents are scratch space.
    public var tempDirs: [String]

    public static let defaultTempDirs = ["/tmp", "/var/tmp", "/private/tmp", "/dev/shm"]

    public init(projectDir: String? = nil, homeDir: String? = nil, cwd: String? = nil,
                tempDirs: [String] = ShellContext.defaultTempDirs) {
        self.projectDir = projectDir
        self.homeDir = homeDir
        self.cwd = cwd
        self.tempDirs = tempDirs
    }
}
