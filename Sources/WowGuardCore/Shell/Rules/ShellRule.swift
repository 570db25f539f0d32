/// A rule of the shell analyzer: an id like `fs.rm-root`, what it decides, and why (see `GuardRule`).
public typealias ShellRule = GuardRule

/// The analyzer's own rules (parse failures, limits, commands it cannot see).
enum ShellRules {
    static let unparseable = ShellRule("shell.unparseable", .ask,
        "the command could not be parsed (unterminated quote, unbalanced parentheses …); a person should read it",
        examples: ["echo 'unterminated", "ls $(("], counterExamples: ["echo 'closed'"])
    static let tooDeep = ShellRule("shell.too-deep", .ask,
        "the command nests shells, substitutions or decoders too deeply to analyse",
        examples: [String(repeating: "eval ", count: 12) + "rm -rf ~"],
        counterExamples: ["sh -c 'sh -c ls'"])
    static let tooLarge = ShellRule("shell.too-large", .ask,
        "the command is too large or expands to too much work to analyse",
        examples: [String(repeating: "echo hello; ", count: 6000)], counterExamples: ["echo hello; echo world"])
    static let dynamicCommand = ShellRule("shell.dynamic-command", .ask,
        "the command name comes from a variable or substitution whose value is unknown, and the arguments look dangerous",
        examples: ["$CMD -rf /", "$(get-tool) -rf ~"], counterExamples: ["$EDITOR README.md", "\"$PYTHON\" -m pytest"])
    static let dynamicCode = ShellRule("shell.dynamic-code", .ask,
        "code built at run time (from variables, concatenation or decoding) is run; its text cannot be checked",
        examples: ["python3 -c 'import os; c=input(); os.system(c)'", "node -e 'require(\"child_process\").execSync(process.argv[1])' x"],
        counterExamples: ["python3 -c 'import os; print(os.getcwd())'"])

    static let own: [ShellRule] = [unparseable, tooDeep, tooLarge, dynamicCommand, dynamicCode]

    /// Rule packs, one family per file under `Shell/Rules`.
    static let families: [(String, [ShellRule])] = [
        ("shell", own), ("filesystem", FilesystemRules.all), ("disks", DiskRules.all), ("permissions", PermissionRules.all),
        ("system", SystemRules.all), ("remote-code", RemoteCodeRules.all), ("reverse-shells", ReverseShellRules.all),
        ("credentials", CredentialRules.all), ("exfiltration", ExfiltrationRules.all), ("metadata", MetadataRules.all),
        ("git", GitRules.all), ("databases", DatabaseRules.all), ("cloud", CloudRules.all),
        ("self-protection", SelfProtectionRules.all), ("environment", EnvironmentRules.all),
        ("hosting", HostingRules.all), ("supply-chain", SupplyChainRules.all), ("exposure", ExposureRules.all),
    ]

    static let all: [ShellRule] = families.flatMap(\.1)
}

extension ShellAnalyzer {
    /// Every rule the analyzer can report, for documentation and `wow-guard rules`.
    public static var rules: [ShellRule] { ShellRules.all }
}
