/// Cloud metadata endpoints (SSRF to instance credentials) in every spelling HostClassifier
/// knows, reached by curl/wget/nc/socat/… or any command given such a URL; metadata-service
/// headers. `curl localhost:3000` and private addresses are normal work from a shell.
enum MetadataRules {
    static let metadata = ShellRule("ssrf.cloud-metadata", .deny, "contacts a cloud metadata endpoint, which hands out the machine's credentials",
        examples: ["curl http://169.254.169.254/latest/meta-data/iam/security-credentials/", "curl 169.254.169.254/latest/meta-data"], counterExamples: ["curl -fsSL https://example.com/install.sh -o install.sh", "curl -X POST -d @payload.json http://localhost:3000/api"])
    static let metadataHeader = ShellRule("ssrf.metadata-header", .deny, "sends a cloud metadata-service header (Metadata-Flavor, X-aws-ec2-metadata-token …)",
        examples: ["curl -H 'X-aws-ec2-metadata-token: abc' http://10.0.0.5/", "wget --header='Metadata-Flavor: Google' http://10.1.2.3/"], counterExamples: ["curl -fsSL https://example.com/install.sh -o install.sh", "curl -X POST -d @payload.json http://localhost:3000/api"])
    static let linkLocal = ShellRule("ssrf.link-local", .ask, "contacts a link-local address (169.254.0.0/16, fe80::/10)",
        examples: ["curl http://169.254.1.1/"], counterExamples: ["curl -fsSL https://example.com/install.sh -o install.sh", "curl -X POST -d @payload.json http://localhost:3000/api"])
    static let urlGlob = ShellRule("ssrf.url-glob", .ask, "the URL's host uses curl globbing, so its targets cannot all be checked")

    static let all = [metadata, metadataHeader, linkLocal, urlGlob]

    static let networkTools: Set<String> = [
        "curl", "curlie", "wget", "wget2", "http", "https", "xh", "xhs", "httpie", "fetch", "aria2c", "axel", "lynx", "links",
        "links2", "elinks", "w3m", "nc", "telnet", "socat", "openssl", "websocat", "invoke-webrequest", "iwr",
        "invoke-restmethod", "irm", "ftp", "tftp", "grpcurl", "ab", "hey", "wrk", "siege", "nmap", "ssh", "ping", "hurl",
    ]
    /// Commands whose arguments are text, not addresses.
    static let textCommands: Set<String> = [
        "echo", "printf", "print", "grep", "egrep", "fgrep", "rg", "ag", "ack", "gh", "jq", "yq", "sed", "cat", "less", "more",
        "head", "tail", "tee", "wc", "sort", "uniq", "cut", "tr", "true", "false", "test", "[", "expr", "man", "which", "type",
        "command", "declare", "export", "local", "set", "read", "alias", "hash", ":", "sleep", "date", "touch", "mkdir", "ls",
        "basename", "dirname", "diff", "column", "logger", "notify-send", "say", "wall", "write",
    ]
    static let gitNetwork: Set<String> = ["clone", "fetch", "pull", "ls-remote", "submodule", "remote", "push", "archive"]

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let name = inv.name
        if textCommands.contains(name) { return }
        if name == "git" {
            guard let sub = ShGit(inv).sub, gitNetwork.contains(sub) else { return }
        }
        let isNet = networkTools.contains(name)
        let globOff = inv.argTexts.contains { $0 == "-g" || $0 == "--globoff" }
        // Which arguments name hosts, and which are headers.
        var targets: [String] = []
        var headers: [String] = []
        switch name {
        case "curl", "curlie":
            let p = ShArgs(inv.args, shortWithArg: ShellAnalysis.curlShortWithArg, longWithArg: ShellAnalysis.curlLongWithArg).parse()
            targets = p.operands + p.allValues("--url", "-x", "--proxy", "--preproxy", "--resolve", "--connect-to", "--doh-url")
            headers = p.allValues("-H", "--header", "--proxy-header")
        case "wget", "wget2":
            let p = ShArgs(inv.args, shortWithArg: ShellAnalysis.wgetShortWithArg, longWithArg: ShellAnalysis.wgetLongWithArg).parse()
            targets = p.operands + p.allValues("-e", "--execute")
            headers = p.allValues("--header")
        default:
            targets = inv.argTexts
            headers = isNet ? inv.argTexts : []
        }
        var worst: HostClass? = nil
        for t in targets {
            var hosts: [String] = []
            if t.contains("://") {
                hosts = ShURL.hosts(in: t)
            } else if isNet {
                hosts = ShURL.hosts(in: t) + ShURL.pieces(t)
            } else {
                continue
            }
            for h in hosts {
                if (name == "curl" || name == "curlie") && !globOff && (h.contains("{") || (h.contains("[") && !h.contains(":"))) {
                    let variants = expandCurlGlob(h)
                    for x in variants { worst = worse(worst, HostClassifier.classify(x)) }
                    if variants.isEmpty { a.report(urlGlob, inv.subject) }
                    continue
                }
                worst = worse(worst, HostClassifier.classify(h))
            }
        }
        for hd in headers {
            let l = hd.lowercased().filter { $0 != " " }
            if l.hasPrefix("metadata-flavor:") || l.hasPrefix("x-aws-ec2-metadata-token") || l.hasPrefix("metadata:true")
                || l.hasPrefix("x-google-metadata-request") || l.hasPrefix("x-identity-header") {
                a.report(metadataHeader, inv.subject)
            }
        }
        if worst == .metadata { a.report(metadata, inv.subject) } else if worst == .linkLocal { a.report(linkLocal, inv.subject) }
    }

    static func worse(_ a: HostClass?, _ b: HostClass) -> HostClass {
        if a == .metadata || b == .metadata { return .metadata }
        if a == .linkLocal || b == .linkLocal { return .linkLocal }
        return a ?? b
    }

    /// curl's `{a,b}` and `[1-3]` globbing in a host (one level), at most 300 variants.
    static func expandCurlGlob(_ h: String) -> [String] {
        if let open = h.firstIndex(of: "{"), let close = h[open...].firstIndex(of: "}") {
            let pre = h[..<open], post = h[h.index(after: close)...]
            return h[h.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false).prefix(300).map { String(pre) + $0 + post }
        }
        if let open = h.firstIndex(of: "["), let close = h[open...].firstIndex(of: "]") {
            let inner = h[h.index(after: open)..<close]
            let pre = h[..<open], post = h[h.index(after: close)...]
            let parts = inner.split(separator: ":").first?.split(separator: "-") ?? []
            guard parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), lo <= hi, hi - lo < 300 else { return [] }
            let width = parts[0].count
            return (lo...hi).map { v in
                var s = String(v)
                while s.count < width { s = "0" + s }
                return String(pre) + s + post
            }
        }
        return []
    }
}
