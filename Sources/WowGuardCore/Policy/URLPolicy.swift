/// Fetching a URL from an agent's web tool: only http(s), never cloud metadata endpoints, and
/// (because the fetch runs on the developer's machine) never loopback or private addresses.
public enum URLPolicy {
    public struct Parsed: Equatable, Sendable {
        public var scheme: String
        /// Every host a client might connect to: parsers disagree on `\`, `@` and `#` tricks,
        /// so each reading is checked.
        public var hosts: [String]
    }

    public static func parse(_ raw: String) -> Parsed? {
        let s = raw.trimmingWhitespace()
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let scheme = s[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        var rest = s[s.index(after: colon)...]
        guard rest.hasPrefix("//") || rest.hasPrefix("\\\\") || rest.hasPrefix("/\\") || rest.hasPrefix("\\/") else {
            return Parsed(scheme: scheme, hosts: [])
        }
        rest = rest.dropFirst(2)
        // Authority as a URL standard parser reads it (ends at / ? # or \) and as a lax one does (ends at / ? #).
        let strictEnd = rest.firstIndex { "/?#\\".contains($0) } ?? rest.endIndex
        let laxEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        var hosts: [String] = []
        for authority in [rest[..<strictEnd], rest[..<laxEnd]] {
            for h in hostCandidates(authority) where !hosts.contains(h) { hosts.append(h) }
        }
        return Parsed(scheme: scheme, hosts: hosts)
    }

    /// Host of `user:pass@host:port` (after the last `@`, and after the first one too).
    static func hostCandidates(_ authority: Substring) -> [String] {
        var candidates: [Substring] = []
        if let last = authority.lastIndex(of: "@") { candidates.append(authority[authority.index(after: last)...]) } else { candidates.append(authority) }
        if let first = authority.firstIndex(of: "@") { candidates.append(authority[authority.index(after: first)...]) }
        return candidates.map { hostOnly($0) }.filter { !$0.isEmpty }
    }

    static func hostOnly(_ hostPort: Substring) -> String {
        var h = hostPort
        if h.hasPrefix("[") {
            if let close = h.firstIndex(of: "]") { return String(h[h.index(after: h.startIndex)..<close]).lowercased() }
            return String(h.dropFirst()).lowercased()
        }
        if let colon = h.lastIndex(of: ":"), h[h.index(after: colon)...].allSatisfy(\.isNumber) { h = h[..<colon] }
        if let at = h.lastIndex(of: "@") { h = h[h.index(after: at)...] }
        return percentDecoded(String(h)).lowercased().trimmingTrailingDots()
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Verdicts for a fetch by an agent's web tool.
    public static func fetchVerdicts(_ url: String) -> [Verdict] {
        guard let parsed = parse(url) else {
            return [PolicyRules.unparseableURL.verdict(url, reason: "cannot parse the URL")]
        }
        guard parsed.scheme == "http" || parsed.scheme == "https" else {
            return [PolicyRules.scheme.verdict(url, reason: "fetches a \(parsed.scheme): URL; only http and https are allowed")]
        }
        if parsed.hosts.isEmpty {
            return [PolicyRules.unparseableURL.verdict(url, reason: "the URL has no host")]
        }
        var verdicts: [Verdict] = []
        for host in parsed.hosts {
            switch HostClassifier.classify(host) {
            case .metadata:
                verdicts.append(MetadataRules.metadata.verdict(url, reason: "fetches a cloud metadata endpoint (\(host)), which hands out instance credentials"))
            case .loopback, .privateNetwork, .linkLocal, .unspecified:
                verdicts.append(PolicyRules.privateAddress.verdict(url, reason: "fetches a loopback or private-network address (\(host)) from the web tool"))
            case .publicHost:
                break
            }
        }
        return verdicts
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line breaks).
    public func trimmingWhitespace() -> String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    func trimmingTrailingDots() -> String {
        var s = String(self)
        while s.hasSuffix(".") && s.count > 1 { s.removeLast() }
        return s
    }
}
