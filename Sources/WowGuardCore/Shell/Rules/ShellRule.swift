/// One rule of the shell analyzer: an id like `fs.rm-root`, what it decides, and why.
public struct ShellRule: Sendable, Hashable {
    public let id: String
    public let decision: Decision
    public let reason: String

    public init(_ id: String, _ decision: Decision, _ reason: String) {
        self.id = id
        self.decision = decision
        self.reason = reason
    }
}

/// The analyzer's own rules (parse failures, limits, commands it cannot see).
enum ShellRules {
    static let unparseable = ShellRule("shell.unparseable", .ask,
        "the command could not be parsed (unterminated quote, unbalanced parentheses …); a person should read it")
    static let tooDeep = ShellRule("shell.too-deep", .ask,
        "the command nests shells, substitutions or decoders too deeply to analyse")
    static let tooLarge = ShellRule("shell.too-large", .ask,
        "the command is too large or expands to too much work to analyse")
    static let dynamicCommand = ShellRule("shell.dynamic-command", .ask,
        "the command name comes from a variable or substitution whose value is unknown, and the arguments look dangerous")

    static let own: [ShellRule] = [unparseable, tooDeep, tooLarge, dynamicCommand]

    static let all: [ShellRule] = own + FilesystemRules.all + DiskRules.all + PermissionRules.all + SystemRules.all
        + RemoteCodeRules.all + ReverseShellRules.all + CredentialRules.all + ExfiltrationRules.all
        + MetadataRules.all + GitRules.all + DatabaseRules.all + CloudRules.all + SelfProtectionRules.all
}

extension ShellAnalyzer {
    /// Every rule the analyzer can report, for documentation and `wow-guard rules`.
    public static var rules: [ShellRule] { ShellRules.all }
}
