/// Remote code execution: downloads piped or substituted into a shell or interpreter
/// (`curl … | sh`, `bash <(curl …)`, `sh -c "$(wget -O- …)"`, `eval "$(curl …)"`), decoded
/// payloads (`base64 -d | sh`), scripts downloaded and then run. The flows themselves are
/// followed in the dispatcher (`runCodeSource`, `checkCodeOrigin`); this pack holds the rules.
enum RemoteCodeRules {
    static let pipeToShell = ShellRule("rce.pipe-to-shell", .deny,
        "pipes a download straight into a shell or interpreter: code nobody reviewed runs immediately")
    static let downloadExec = ShellRule("rce.download-exec", .deny,
        "runs code produced by a download ($(curl …), <(wget …)) in a shell or interpreter")
    static let decodeExec = ShellRule("rce.decode-exec", .deny,
        "runs base64/hex-encoded, reversed or compressed code, which hides what it does")
    static let unknownPipeShell = ShellRule("rce.unknown-pipe-shell", .ask,
        "pipes the output of another command into a shell or interpreter")
    static let downloadThenExec = ShellRule("rce.download-then-exec", .ask,
        "runs a script that was downloaded earlier in the same command; review it first")
    static let remoteScript = ShellRule("rce.remote-script", .ask, "runs a script straight from a URL")
    static let inlineDownloadExec = ShellRule("rce.inline-download-exec", .deny, "inline code downloads code and evaluates it")
    static let gitExt = ShellRule("rce.git-ext-transport", .ask, "uses git's ext:: transport, which runs an arbitrary command")
    static let packageFromURL = ShellRule("rce.install-from-url", .ask, "installs a package straight from a URL or a raw git repository")

    static let all = [pipeToShell, downloadExec, decodeExec, unknownPipeShell, downloadThenExec, remoteScript, inlineDownloadExec, gitExt, packageFromURL]

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        switch inv.name {
        case "pip", "pip3", "pipx", "uv":
            guard args.contains("install") else { return }
            if args.contains(where: { ($0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("git+")) && !$0.contains("pypi.org") && !$0.contains("pythonhosted.org") }) {
                a.report(packageFromURL, inv.subject)
            }
        case "npm", "pnpm", "yarn", "bun":
            guard args.contains(where: { ["install", "i", "add"].contains($0) }) else { return }
            if args.contains(where: { $0.hasPrefix("http://") || $0.hasPrefix("https://") }) { a.report(packageFromURL, inv.subject) }
        default:
            break
        }
    }
}
