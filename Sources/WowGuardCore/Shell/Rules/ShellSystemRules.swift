/// Whole-machine damage: fork bombs, killing every process, shutdown/reboot, firewall off,
/// crontab wipes, kernel parameters, history tampering, privileged containers.
enum SystemRules {
    static let forkBomb = ShellRule("system.fork-bomb", .deny, "a fork bomb: processes multiply until the machine stalls",
        examples: [":(){ :|:& };:", "bomb() { bomb | bomb & }; bomb"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let forkLoop = ShellRule("system.fork-loop", .ask, "an endless loop that keeps starting background processes",
        examples: ["while true; do ./spawn.sh & done"], counterExamples: ["while IFS= read -r line; do echo \"$line\"; done < input.txt"])
    static let killAll = ShellRule("system.kill-all", .deny, "kills every process the user can signal (kill -1, killall5, pkill .)",
        examples: ["kill -9 -1", "kill -KILL -1"], counterExamples: ["kill 12345", "kill -9 4242"])
    static let killInit = ShellRule("system.kill-init", .deny, "signals PID 1 (init/systemd)",
        examples: ["sudo kill -9 1"], counterExamples: ["sudo systemctl restart nginx", "sudo apt-get install -y build-essential"])
    static let shutdown = ShellRule("system.shutdown", .deny, "shuts down, reboots or halts the machine",
        examples: ["shutdown -h now", "sudo reboot"], counterExamples: ["shutdown -c"])
    static let serviceStop = ShellRule("system.service-stop", .ask, "stops or disables a system service needed for access or protection (ssh, firewall, audit)",
        examples: ["sudo systemctl stop sshd", "systemctl disable --now ssh"], counterExamples: ["sudo systemctl restart nginx", "sudo apt-get install -y build-essential"])
    static let firewall = ShellRule("system.firewall-off", .deny, "flushes or disables the firewall or SELinux",
        examples: ["iptables -F", "sudo iptables --flush"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let crontabRemove = ShellRule("system.crontab-remove", .deny, "removes the user's whole crontab",
        examples: ["crontab -r"], counterExamples: ["crontab -l"])
    static let crontabInstall = ShellRule("system.crontab-install", .ask, "installs a crontab: commands that run later, unattended",
        examples: ["(crontab -l; echo '* * * * * /tmp/x') | crontab -"], counterExamples: ["rm -rf ~/.cache/pip"])
    static let scheduledJob = ShellRule("system.scheduled-job", .ask, "schedules a command to run later (at/batch)")
    static let history = ShellRule("system.history-tamper", .ask, "clears or disables shell history",
        examples: ["history -c", "export HISTFILE=/dev/null"], counterExamples: ["history | tail -20"])
    static let sysctl = ShellRule("system.kernel-params", .ask, "changes kernel parameters (sysctl, /proc/sys, /sys)",
        examples: ["sysctl -w kernel.randomize_va_space=0", "echo 0 > /proc/sys/kernel/randomize_va_space"], counterExamples: ["sysctl -a"])
    static let sysrq = ShellRule("system.sysrq", .deny, "triggers a magic SysRq action (crash, reboot, kill all)",
        examples: ["echo c > /proc/sysrq-trigger"], counterExamples: ["echo 'export PATH=$PATH:./bin' > .envrc", "echo 'echo hello' | bash"])
    static let kernelModule = ShellRule("system.kernel-module", .ask, "loads or unloads a kernel module")
    static let dockerHost = ShellRule("system.container-host-access", .ask, "starts a container with host privileges or the host's root file system",
        examples: ["docker run --privileged -v /:/host alpine sh", "docker run -it --privileged --pid=host alpine nsenter -t 1 -m -u -i -n sh"], counterExamples: ["docker compose down", "docker system prune -f"])
    static let userAdmin = ShellRule("system.user-admin", .ask, "changes system users, groups or passwords")
    static let ldPreload = ShellRule("system.ld-preload", .ask, "injects a library into programs (LD_PRELOAD / DYLD_INSERT_LIBRARIES)",
        examples: ["LD_PRELOAD=/tmp/evil.so ls"], counterExamples: ["rm -rf ~/.cache/pip"])

    static let all = [forkBomb, forkLoop, killAll, killInit, shutdown, serviceStop, firewall, crontabRemove, crontabInstall,
                      scheduledJob, history, sysctl, sysrq, kernelModule, dockerHost, userAdmin, ldPreload]

    static func report(_ r: ShellRule, _ subject: String, _ a: inout ShellAnalysis) { a.report(r, subject) }

    static let criticalServices = ["ssh", "sshd", "firewalld", "ufw", "nftables", "iptables", "auditd", "apparmor", "selinux",
                                   "networkmanager", "networking", "systemd-networkd", "systemd-resolved", "docker.socket", "falcon", "osquery", "wazuh"]
    static let firewallServices = ["firewalld", "ufw", "nftables", "iptables", "apparmor", "auditd"]

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        let lower = args.map { $0.lowercased() }
        switch inv.name {
        case "kill":
            var pids: [String] = []
            var k = 0
            var signalSeen = false
            var afterDashes = false
            while k < args.count {
                let t = args[k]
                if !afterDashes && t == "--" { afterDashes = true; k += 1; continue }
                if !afterDashes && (t == "-l" || t == "-L" || t == "--list") { return }
                if !afterDashes && (t == "-s" || t == "-n" || t == "--signal") { signalSeen = true; k += 2; continue }
                if !afterDashes && !signalSeen && t.hasPrefix("-") && t.count > 1 && pids.isEmpty { signalSeen = true; k += 1; continue }
                pids.append(t)
                k += 1
            }
            if pids.contains("-1") { a.report(killAll, inv.subject) }
            if pids.contains("1") { a.report(killInit, inv.subject) }
        case "killall5":
            a.report(killAll, inv.subject)
        case "pkill", "killall":
            let pats = ShArgs(args, shortWithArg: ["s", "u", "U", "g", "G", "P", "t", "n", "o", "F"], longWithArg: ["--signal", "--euid", "--uid", "--group", "--parent", "--terminal", "--pidfile", "--ns", "--older-than", "--younger-than", "--user"]).parse().operands
            if pats.contains(where: { $0 == "." || $0 == ".*" || $0 == "" || $0 == "^" || $0 == "*" }) { a.report(killAll, inv.subject) }
            if inv.name == "pkill" && pats.isEmpty && args.contains(where: { $0 == "-u" || $0 == "-U" || $0.hasPrefix("--uid") || $0.hasPrefix("--euid") }) { a.report(killAll, inv.subject) }
        case "shutdown", "reboot", "halt", "poweroff":
            if !args.contains("-c") && !args.contains("--help") { a.report(shutdown, inv.subject) }
        case "init", "telinit":
            if let x = args.first, ["0", "6", "1", "s", "S", "q"].contains(x), x != "q" { a.report(shutdown, inv.subject) }
        case "systemctl", "service", "launchctl", "rc-service":
            let ops = lower.filter { !$0.hasPrefix("-") }
            guard !ops.isEmpty else { return }
            if ["poweroff", "reboot", "halt", "kexec", "suspend", "hibernate", "hybrid-sleep", "emergency", "rescue", "soft-reboot"].contains(ops[0]) {
                a.report(shutdown, inv.subject)
            }
            if ops[0] == "isolate" && ops.contains(where: { $0.hasPrefix("rescue") || $0.hasPrefix("emergency") || $0.hasPrefix("poweroff") || $0.hasPrefix("reboot") }) {
                a.report(shutdown, inv.subject)
            }
            let stops = ["stop", "disable", "mask", "kill", "bootout", "unload", "remove"]
            if ops.contains(where: { stops.contains($0) }) {
                let units = ops.filter { !stops.contains($0) }.map { $0.hasSuffix(".service") ? String($0.dropLast(8)) : $0 }
                if units.contains(where: { u in firewallServices.contains { u.hasPrefix($0) } }) {
                    a.report(firewall, inv.subject)
                } else if units.contains(where: { u in criticalServices.contains { u.hasPrefix($0) } }) {
                    a.report(serviceStop, inv.subject)
                }
            }
        case "iptables", "ip6tables", "iptables-legacy", "iptables-nft", "ip6tables-legacy", "ebtables", "arptables":
            if args.contains(where: { $0 == "-F" || $0 == "--flush" || $0 == "-X" || $0 == "--delete-chain" })
                || (args.contains("-P") && lower.contains("accept")) {
                a.report(firewall, inv.subject)
            }
        case "nft":
            if lower.contains("flush") || (lower.contains("delete") && lower.contains("table")) { a.report(firewall, inv.subject) }
        case "ufw":
            if let op = lower.first(where: { !$0.hasPrefix("-") }), op == "disable" || op == "reset" { a.report(firewall, inv.subject) }
        case "pfctl":
            if args.contains("-d") || (args.contains("-F") && lower.contains("all")) { a.report(firewall, inv.subject) }
        case "setenforce":
            if lower.contains("0") || lower.contains("permissive") { a.report(firewall, inv.subject) }
        case "netsh":
            if lower.contains("advfirewall") && lower.contains("off") { a.report(firewall, inv.subject) }
        case "spctl":
            if lower.contains("--master-disable") || lower.contains("--global-disable") { a.report(firewall, inv.subject) }
        case "csrutil":
            if lower.contains("disable") { a.report(firewall, inv.subject) }
        case "crontab":
            let p = ShArgs(args, shortWithArg: ["u"]).parse()
            if p.has("r") { a.report(crontabRemove, inv.subject); return }
            if !p.has("l") && !p.has("e") && !p.has("V") { a.report(crontabInstall, inv.subject) }
        case "history":
            if args.contains(where: { $0.hasPrefix("-") && ($0.contains("c") || $0.contains("d") || $0.contains("w")) }) { a.report(history, inv.subject) }
        case "sysctl":
            if args.contains(where: { $0 == "-w" || $0 == "--write" || ($0.contains("=") && !$0.hasPrefix("-")) || $0 == "-p" || $0 == "--load" }) { a.report(sysctl, inv.subject) }
        case "insmod", "rmmod", "kextload", "kextunload", "kmutil":
            a.report(kernelModule, inv.subject)
        case "modprobe":
            if !args.contains(where: { $0 == "-n" || $0 == "--dry-run" || $0 == "-c" || $0 == "--showconfig" }) { a.report(kernelModule, inv.subject) }
        case "docker", "podman", "nerdctl":
            guard let sub = args.first(where: { !$0.hasPrefix("-") }), sub == "run" || sub == "create" || sub == "exec" else { return }
            let hostRoot = args.enumerated().contains { k, t in
                let v = (t == "-v" || t == "--volume" || t == "--mount") && k + 1 < args.count ? args[k + 1] : t.hasPrefix("--volume=") || t.hasPrefix("--mount=") || t.hasPrefix("-v") ? t : ""
                return v.contains("/:/") || v.hasPrefix("-v/:") || v.hasPrefix("/:") || v.hasPrefix("--volume=/:") || v.contains("source=/,") || v.hasSuffix("source=/") || v.contains("src=/,") || v.contains("/var/run/docker.sock")
            }
            if hostRoot || args.contains(where: { $0 == "--privileged" || $0 == "--pid=host" || $0.hasPrefix("--cap-add=sys_admin") || $0.lowercased() == "--cap-add=all" }) {
                a.report(dockerHost, inv.subject)
            }
        case "userdel", "deluser", "useradd", "adduser", "usermod", "passwd", "chpasswd", "groupadd", "groupdel", "gpasswd", "dscl", "sysadminctl":
            if inv.name == "passwd" && args.isEmpty { return }
            if inv.name == "dscl" && !lower.contains(where: { ["-create", "-delete", "-append", "-passwd", "-change"].contains($0) }) { return }
            a.report(userAdmin, inv.subject)
        default:
            break
        }
    }

    static func checkVariable(_ name: String, _ value: String, _ a: inout ShellAnalysis) {
        switch name {
        case "HISTFILE":
            if value.isEmpty || value == "/dev/null" { a.report(history, name + "=" + value) }
        case "HISTSIZE", "HISTFILESIZE", "SAVEHIST":
            if value == "0" { a.report(history, name + "=" + value) }
        case "LD_PRELOAD", "DYLD_INSERT_LIBRARIES", "LD_AUDIT":
            if !value.isEmpty { a.report(ldPreload, name + "=" + value) }
        default:
            break
        }
    }

    static func checkUnset(_ name: String, _ a: inout ShellAnalysis) {
        if name == "HISTFILE" { a.report(history, "unset HISTFILE") }
    }

    static func checkSet(_ args: [String], _ a: inout ShellAnalysis) {
        if let k = args.firstIndex(of: "+o"), k + 1 < args.count, args[k + 1] == "history" { a.report(history, "set +o history") }
    }
}
