/// What the analysis tells the rule packs, and which packs listen. The analysis (Analysis/,
/// Commands/) follows commands to what they run and reports events — a command is about to run, a
/// variable is set, a file is written or read, code runs that came from some source — and the
/// packs here decide which rules apply. Adding a pack is adding a line to a table.
enum ShellPacks {
    typealias CommandPack = @Sendable (ShInvocation, inout ShellAnalysis, inout ShEnv, Int) -> Void

    /// Every resolved command goes through these, in order.
    static let commandPacks: [CommandPack] = [
        { i, a, e, _ in FilesystemRules.check(i, &a, e) }, { i, a, e, _ in DiskRules.check(i, &a, e) },
        { i, a, e, _ in PermissionRules.check(i, &a, e) }, { i, a, e, _ in SystemRules.check(i, &a, e) },
        { i, a, e, _ in RemoteCodeRules.check(i, &a, e) }, { i, a, e, _ in ReverseShellRules.check(i, &a, e) },
        { i, a, e, _ in CredentialRules.check(i, &a, e) }, { i, a, e, _ in ExfiltrationRules.check(i, &a, e) },
        { i, a, e, _ in MetadataRules.check(i, &a, e) }, { i, a, e, _ in GitRules.check(i, &a, e) },
        { i, a, e, d in DatabaseRules.check(i, &a, e, d) }, { i, a, e, _ in CloudRules.check(i, &a, e) },
        { i, a, e, _ in SelfProtectionRules.check(i, &a, e) }, { i, a, _, _ in HostingRules.check(i, &a.sink) },
        { i, a, _, _ in ExposureRules.checkDotEnv(i, &a) }, { i, a, e, _ in ExposureRules.checkServe(i, &a, e) },
        { i, a, e, d in ExposureRules.checkContainer(i, &a, &e, d) },
    ]

    /// Before wrappers are unwrapped (the wrapper itself matters: `npx github:…`, `bash -i >& /dev/tcp/…`).
    static func invocationStarts(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        ReverseShellRules.checkDevTCP(inv, &a, env)
        SupplyChainRules.check(inv, &a.sink)
    }

    /// `NAME=value`, `export NAME=value`, `env NAME=value cmd`.
    static func variableSet(_ name: String, _ value: String, _ a: inout ShellAnalysis) {
        SelfProtectionRules.checkVariable(name, value, &a)
        SystemRules.checkVariable(name, value, &a)
        EnvironmentRules.check(name, value, &a.sink)
        SupplyChainRules.checkVariable(name, value, &a.sink)
    }

    /// A code-valued variable whose value is not known (`PROMPT_COMMAND="$(…)"`).
    static func unknownCodeVariable(_ name: String, _ value: String, _ a: inout ShellAnalysis) {
        if EnvironmentRules.runsUnattended.contains(name) { a.report(ShellRules.dynamicCode, name + "=" + value) }
    }

    static func variableUnset(_ name: String, _ a: inout ShellAnalysis) { SystemRules.checkUnset(name, &a) }
    static func shellOptionsSet(_ args: [String], _ a: inout ShellAnalysis) { SystemRules.checkSet(args, &a) }

    /// A file a command writes (redirections, tee, cp, dd of=, sed -i, editors …).
    static func fileWritten(_ p: ShPath, _ f: ShField, how: String, subject: String, _ a: inout ShellAnalysis) {
        if p.unknownBase && !f.procsub && ["redirect", "tee", "dd of=", "mv", "cp", "install", "ln", "link"].contains(how)
            && f.sources.contains(where: { if case .literal = $0 { return false }; if case .none = $0 { return false }; return true }) {
            a.report(FilesystemRules.writeComputed, subject.isEmpty ? f.text : subject)
        }
        SelfProtectionRules.checkModify(p, f, how: how, &a)
        DiskRules.checkDeviceWrite(p, f, &a)
        FilesystemRules.checkWrite(p, f, &a)
    }

    /// Literal text written to a file earlier in the line.
    static func textWritten(_ text: String, lower: String, to target: String, _ a: inout ShellAnalysis) {
        let name = ShText.baseName(target)
        if lower.contains("hookspath") && (name == ".gitconfig" || name == "config" || name.hasSuffix(".gitconfig")) {
            a.report(SelfProtectionRules.hooksPath, "hooksPath written to " + target)
        }
        if PackageSources.isConfigFile(target), !PackageSources.insecureSettings(in: text).isEmpty { a.report(SupplyChainRules.registry, "written to " + target) }
    }

    /// A path that inline code deletes (`shutil.rmtree(…)`, `fs.rmSync(…)`).
    static func fileDeleted(_ f: ShField, recursive: Bool, op: String = "rm", subject: String, _ a: inout ShellAnalysis, _ env: ShEnv) {
        FilesystemRules.checkDelete(f, recursive: recursive, op: op, subject: subject, &a, env)
    }

    /// The analysis's own limits: unparseable, too deep, too large.
    enum Limit { case unparseable, tooDeep, tooLarge }
    static func limit(_ l: Limit, _ subject: String, _ a: inout ShellAnalysis) {
        switch l {
        case .unparseable: a.report(ShellRules.unparseable, subject)
        case .tooDeep: a.report(ShellRules.tooDeep, subject)
        case .tooLarge: a.report(ShellRules.tooLarge, subject)
        }
    }

    /// The command a code-valued variable runs (`GIT_SSH_COMMAND`, `EDITOR`, `PS4` …), if it is one.
    static func code(ofVariable name: String, _ value: String) -> String? { EnvironmentRules.code(of: name, value) }

    /// A credential, protected or block-device path: an unknown command given it is suspicious.
    static func isSensitiveTarget(_ p: ShPath, _ paths: ShPaths) -> Bool {
        CredentialPaths.match(p, paths) != nil || SelfProtectionRules.protected(p, paths, deleting: true) != nil || DiskRules.isBlockDevice(p.comps)
    }

    static func jobScheduled(_ subject: String, _ a: inout ShellAnalysis) { a.report(SystemRules.scheduledJob, subject) }
    static func gitExtTransport(_ subject: String, _ a: inout ShellAnalysis) { a.report(RemoteCodeRules.gitExt, subject) }
    static func installHookAdded(_ subject: String, _ a: inout ShellAnalysis) { a.report(SupplyChainRules.installScript, subject) }
    static func codeOrigin(decoded subject: String, _ a: inout ShellAnalysis) { a.report(RemoteCodeRules.decodeExec, subject) }

    /// `source FILE` / `. FILE`; the environment printed afterwards (`env`, `echo $X`).
    static func fileSourced(_ f: ShField, _ a: inout ShellAnalysis) { if ExposureRules.isDotEnv(f) { a.sourcedDotEnv = true } }
    static func environmentPrinted(_ subject: String, _ a: inout ShellAnalysis) { if a.sourcedDotEnv { a.report(ExposureRules.dotenvRead, subject) } }

    /// A file a command reads (input redirections, running or sourcing a file).
    static func fileRead(_ f: ShField, _ env: ShEnv, how: String, _ a: inout ShellAnalysis) {
        CredentialRules.checkRead(f, env, how: how, &a)
    }

    /// Code given as text whose substitutions came from somewhere (`sh -c "$(curl …)"`).
    static func codeOrigin(_ code: ShField, subject: String, _ a: inout ShellAnalysis) {
        for s in code.sources {
            switch s {
            case .download: a.report(RemoteCodeRules.downloadExec, subject)
            case .decoded(let inner, _):
                if inner.isDownload { a.report(RemoteCodeRules.downloadExec, subject) } else { a.report(RemoteCodeRules.decodeExec, subject) }
            case .network: a.report(ReverseShellRules.pipeShell, subject)
            default: break
            }
        }
    }

    /// Code read from a source (stdin, a process substitution, a file) is about to run.
    static func codeRuns(from source: ShSource, subject: String, _ a: inout ShellAnalysis) {
        switch source {
        case .none, .credential, .literal:
            break
        case .download(let url):
            a.report(RemoteCodeRules.pipeToShell, url.isEmpty ? subject : "download of \(url) | \(subject)")
        case .decoded(let inner, _):
            if inner.isDownload {
                a.report(RemoteCodeRules.pipeToShell, subject)
            } else if case .network = inner {
                a.report(ReverseShellRules.pipeShell, subject)
            } else {
                a.report(RemoteCodeRules.decodeExec, subject)
            }
        case .network:
            a.report(ReverseShellRules.pipeShell, subject)
        case .file(let p):
            if a.downloaded.contains(ShText.baseName(p)) { a.report(RemoteCodeRules.downloadThenExec, subject) }
        case .environment, .shellOutput, .unknown, .foundPaths, .pids, .secret:
            a.report(RemoteCodeRules.unknownPipeShell, subject)
        }
    }

    /// `eval "$x"` / a command name that is unknown, fed from stdin.
    static func unknownCodeFromStdin(_ stdin: ShSource, subject: String, silentIfTainted: Bool, _ a: inout ShellAnalysis) {
        switch stdin {
        case .download: a.report(RemoteCodeRules.pipeToShell, subject)
        case .network: a.report(ReverseShellRules.pipeShell, subject)
        default: if !silentIfTainted { a.report(ShellRules.dynamicCommand, subject) }
        }
    }

    /// A downloaded file is executed, a script is run from a URL, a raw connection file is run.
    static func downloadedFileRuns(_ subject: String, _ a: inout ShellAnalysis) { a.report(RemoteCodeRules.downloadThenExec, subject) }
    static func urlScriptRuns(_ subject: String, _ a: inout ShellAnalysis) { a.report(RemoteCodeRules.remoteScript, subject) }
    static func networkScriptRuns(_ subject: String, _ a: inout ShellAnalysis) { a.report(ReverseShellRules.pipeShell, subject) }

    /// Loops and functions that multiply processes.
    static func endlessBackgroundLoop(_ a: inout ShellAnalysis) { a.report(SystemRules.forkLoop, "while true; do … & done") }
    static func selfSpawningFunction(_ name: String, _ a: inout ShellAnalysis) { a.report(SystemRules.forkBomb, "\(name)() { \(name) | \(name) & }") }

    /// Interpreter code that builds what it runs at run time, or an unknown command with dangerous arguments.
    static func dynamicCode(_ subject: String, _ a: inout ShellAnalysis) { a.report(ShellRules.dynamicCode, subject) }
    static func dynamicCommand(_ subject: String, _ a: inout ShellAnalysis) { a.report(ShellRules.dynamicCommand, subject) }
}
