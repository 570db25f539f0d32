/// Host extraction from command arguments: URLs with or without a scheme, every way parsers
/// disagree (`\` vs `/`, first vs last `@`), and IPs inside tool-specific address syntax
/// (`socat TCP:h:p`, `curl --resolve x:80:ip`, proxies).
enum ShURL {
    static func hosts(in token: String) -> [String] {
        var s = Substring(token.shTrimming(" \t\n'\"<>"))
        guard !s.isEmpty else { return [] }
        var out: [String] = []
        func add(_ h: Substring) {
            let t = String(h)
            if !t.isEmpty && !out.contains(t) { out.append(t) }
            // `http://169.254.170.2$REL_URI`: the host that is there, before the unknown part.
            if let mark = t.firstIndex(of: Character(ShMark.unknown)), mark > t.startIndex {
                let pre = String(t[..<mark])
                let labels = pre.split(separator: ".")
                let numeric = pre.count >= 8 && (pre.allSatisfy(\.isNumber) || pre.lowercased().hasPrefix("0x"))
                if HostClassifier.parseIPv4(pre) != nil && (labels.count == 4 || numeric)
                    || labels.count >= 2 && (labels.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } ?? false), !out.contains(pre) {
                    out.append(pre)
                }
            }
        }
        if let r = s.shRange(ofLiteral: "://") {
            s = s[r.upperBound...]
        } else if let colon = s.firstIndex(of: ":"), s[..<colon].allSatisfy({ $0.isLetter }), colon > s.startIndex,
                  s[s.index(after: colon)...].first.map({ $0 == "/" || $0 == "\\" }) == true {
            s = s[s.index(after: colon)...]
        }
        s = s.drop { $0 == "/" || $0 == "\\" }
        let strictEnd = s.firstIndex { "/?#\\".contains($0) } ?? s.endIndex
        let laxEnd = s.firstIndex { "/?#".contains($0) } ?? s.endIndex
        for authority in [s[..<strictEnd], s[..<laxEnd]] {
            var hostParts: [Substring] = []
            if let last = authority.lastIndex(of: "@") { hostParts.append(authority[authority.index(after: last)...]) } else { hostParts.append(authority) }
            if let first = authority.firstIndex(of: "@") { hostParts.append(authority[authority.index(after: first)...]) }
            for hp in hostParts {
                if hp.hasPrefix("[") {
                    let close = hp.firstIndex(of: "]") ?? hp.endIndex
                    add(hp[hp.index(after: hp.startIndex)..<close])
                } else if hp.filter({ $0 == ":" }).count >= 2 {
                    add(hp)
                } else if let colon = hp.lastIndex(of: ":") {
                    add(hp[..<colon])
                } else {
                    add(hp)
                }
            }
        }
        return out
    }

    /// Pieces of an argument that might be hosts: `TCP4:169.254.169.254:80` → `169.254.169.254`.
    static func pieces(_ token: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var bracket = false
        var inside = ""
        for ch in token {
            if ch == "[" { bracket = true; inside = ""; continue }
            if ch == "]" && bracket { bracket = false; out.append(inside); continue }
            if bracket { inside.append(ch); continue }
            if ":,=@/ \t'\"?#;&".contains(ch) {
                if !cur.isEmpty { out.append(cur) }
                cur = ""
            } else {
                cur.append(ch)
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// The file name a download of `url` is saved under (`curl -O`, `wget`).
    static func fileName(_ url: String) -> String {
        var s = Substring(url)
        if let r = s.shRange(ofLiteral: "://") { s = s[r.upperBound...] }
        if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<q] }
        guard let slash = s.firstIndex(of: "/") else { return "index.html" }
        let path = s[slash...]
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty || path.hasSuffix("/") ? "index.html" : name
    }
}

extension String {
    func shTrimming(_ set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
