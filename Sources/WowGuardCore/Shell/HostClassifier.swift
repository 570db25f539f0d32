/// What a host name or IP literal points at.
public enum HostClass: Sendable, Equatable {
    /// Cloud instance metadata services (AWS/GCP/Azure/Alibaba/Oracle/ECS/EKS …): they hand out credentials.
    case metadata
    case loopback
    /// RFC 1918, carrier-grade NAT, IPv6 unique-local, `.local` names.
    case privateNetwork
    /// 169.254.0.0/16 and fe80::/10 other than the metadata addresses.
    case linkLocal
    /// 0.0.0.0, `::`, 0.0.0.0/8.
    case unspecified
    case publicHost
}

/// Classifies hosts in every spelling an HTTP client accepts: inet_aton forms (decimal
/// `2852039166`, hex `0xa9fea9fe`, octal `0251.0376.0251.0376`, short `169.254.43518`),
/// IPv4-mapped / compatible / NAT64 IPv6, bracketed and zone-suffixed IPv6, percent-encoding,
/// full-width digits, trailing dots, and wildcard-DNS names like `169.254.169.254.nip.io`.
public enum HostClassifier {
    static let metadataV4: Set<UInt32> = [
        0xA9FE_A9FE,  // 169.254.169.254: AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle …
        0xA9FE_AA02,  // 169.254.170.2: ECS task metadata / credentials
        0xA9FE_AA17,  // 169.254.170.23: EKS pod identity agent
        0x6464_64C8,  // 100.100.100.200: Alibaba Cloud
        0xC000_00C0,  // 192.0.0.192: Oracle Cloud (legacy)
        0xA83F_8110,  // 168.63.129.16: Azure wire server
    ]
    static let metadataNames: Set<String> = [
        "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal",
        "metadata.tencentyun.com", "metadata.platformequinix.com", "metadata.packet.net",
    ]
    static let loopbackNames: Set<String> = ["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "localtest.me", "lvh.me"]
    static let wildcardDNSSuffixes = [".nip.io", ".sslip.io", ".xip.io", ".nip.direct", ".traefik.me"]

    public static func classify(_ host: String) -> HostClass {
        // To a fixed point: one pass leaves `x.lvh.me]]`, `a.lvh.me].` or `%2531…` half-normalised
        // (found by Fuzz/Targets/url.swift; FuzzRegressionTests).
        var h = normalize(host)
        for _ in 0..<4 { let n = normalize(h); if n == h { break }; h = n }
        if h.isEmpty { return .unspecified }
        if metadataNames.contains(h) { return .metadata }
        if loopbackNames.contains(h) || h.hasSuffix(".localhost") || h.hasSuffix(".localtest.me") || h.hasSuffix(".lvh.me") {
            return .loopback
        }
        if let v4 = parseIPv4(h) { return classifyV4(v4) }
        if let v6 = parseIPv6(h) { return classifyV6(v6) }
        for suffix in wildcardDNSSuffixes where h.hasSuffix(suffix) {
            if let v4 = embeddedIPv4(String(h.dropLast(suffix.count))) { return classifyV4(v4) }
        }
        if h.hasPrefix("metadata.") && h.hasSuffix(".internal") { return .metadata }
        if h.hasSuffix(".local") || h.hasSuffix(".svc") || h == "kubernetes.default" { return .privateNetwork }
        return .publicHost
    }

    // MARK: - Normalisation

    /// Lower-cased, brackets, zone ids, percent-encoding, trailing dots and full-width forms removed.
    public static func normalize(_ host: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for u in host.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(u.value - 0xFEE0)!)  // full-width ASCII
            case 0x3002, 0xFF61: scalars.append(".")  // ideographic full stops
            case 0x2460...0x2468: scalars.append(Unicode.Scalar(u.value - 0x2460 + 0x31)!)  // ①…⑨
            case 0x24EA: scalars.append("0")
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: scalars.append(u)
            }
        }
        var s = String(String.UnicodeScalarView(scalars))
        if s.contains("%") { s = percentDecode(s) }
        s = s.lowercased()
        if s.hasPrefix("[") { s.removeFirst() }
        if s.hasSuffix("]") { s.removeLast() }
        if s.contains(":"), let pct = s.firstIndex(of: "%") { s = String(s[..<pct]) }  // IPv6 zone id
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func percentDecode(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }

    // MARK: - IPv4

    /// inet_aton: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x).
    public static func parseIPv4(_ s: String) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for p in parts {
            guard let v = parseNumber(p) else { return nil }
            values.append(v)
        }
        var result: UInt64 = 0
        for (k, v) in values.enumerated() {
            let last = k == values.count - 1
            if !last {
                guard v <= 255 else { return nil }
                result |= v << UInt64(8 * (3 - k))
            } else {
                let bits = UInt64(8 * (4 - k))
                guard v < (UInt64(1) << bits) else { return nil }
                result |= v
            }
        }
        return UInt32(result)
    }

    static func parseNumber(_ p: Substring) -> UInt64? {
        let b = Array(p.utf8)
        guard !b.isEmpty, b.count <= 40 else { return nil }
        var v: UInt64 = 0
        if b.count >= 2 && b[0] == 0x30 && (b[1] == 0x78 || b[1] == 0x58) {
            for c in b.dropFirst(2) {
                guard let d = hexValue(c) else { return nil }
                v = v * 16 + UInt64(d)
                if v > 0xFFFF_FFFF { return nil }
            }
            return v
        }
        let octal = b.count > 1 && b[0] == 0x30
        for c in b {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let d = UInt64(c - 0x30)
            if octal && d > 7 { return nil }
            v = v * (octal ? 8 : 10) + d
            if v > 0xFFFF_FFFF { return nil }
        }
        return v
    }

    static func classifyV4(_ ip: UInt32) -> HostClass {
        if metadataV4.contains(ip) { return .metadata }
        let a = ip >> 24, b = (ip >> 16) & 0xFF
        if a == 127 { return .loopback }
        if a == 0 { return .unspecified }
        if a == 10 || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) {
            return .privateNetwork
        }
        if a == 169 && b == 254 { return .linkLocal }
        return .publicHost
    }

    /// `169-254-169-254`, `169.254.169.254`, `a9fea9fe` or `app.169.254.169.254` before a wildcard-DNS suffix.
    static func embeddedIPv4(_ s: String) -> UInt32? {
        let labels = s.split(separator: ".")
        if labels.count >= 4 {
            let last4 = labels.suffix(4).joined(separator: ".")
            if let v = parseIPv4(last4) { return v }
        }
        for label in labels.reversed() {
            let dashed = label.split(separator: "-")
            if dashed.count >= 4, let v = parseIPv4(dashed.suffix(4).joined(separator: ".")) { return v }
            if label.utf8.count == 8, let v = UInt32(label, radix: 16) { return v }
        }
        return nil
    }

    // MARK: - IPv6

    /// Eight 16-bit groups; accepts `::` compression and a trailing dotted IPv4.
    public static func parseIPv6(_ s: String) -> [UInt16]? {
        guard s.contains(":"), s.utf8.count <= 64 else { return nil }
        let halves = s.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (k, item) in items.enumerated() {
                if k == items.count - 1 && item.contains(".") {
                    let quads = item.split(separator: ".", omittingEmptySubsequences: false)
                    guard quads.count == 4 else { return nil }
                    var v: UInt32 = 0
                    for q in quads {
                        guard !q.isEmpty, q.utf8.count <= 3, q.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt32(q), n <= 255 else { return nil }
                        v = v << 8 | n
                    }
                    out.append(UInt16(v >> 16))
                    out.append(UInt16(v & 0xFFFF))
                } else {
                    guard !item.isEmpty, item.utf8.count <= 4, let g = UInt16(item, radix: 16) else { return nil }
                    out.append(g)
                }
            }
            return out
        }
        if halves.count == 1 {
            guard let g = groups(halves[0]), g.count == 8 else { return nil }
            return g
        }
        guard let head = groups(halves[0]), let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    static func classifyV6(_ g: [UInt16]) -> HostClass {
        let v4 = UInt32(g[6]) << 16 | UInt32(g[7])
        if g.allSatisfy({ $0 == 0 }) { return .unspecified }
        if g[0..<7].allSatisfy({ $0 == 0 }) && g[7] == 1 { return .loopback }
        if g[0..<5].allSatisfy({ $0 == 0 }) && g[5] == 0xFFFF { return classifyV4(v4) }  // ::ffff:a.b.c.d
        if g[0..<4].allSatisfy({ $0 == 0 }) && g[4] == 0xFFFF && g[5] == 0 { return classifyV4(v4) }  // ::ffff:0:a.b.c.d
        if g[0..<6].allSatisfy({ $0 == 0 }) { return classifyV4(v4) }  // ::a.b.c.d (compatible)
        if g[0] == 0x64 && g[1] == 0xFF9B && (g[2..<6].allSatisfy({ $0 == 0 }) || g[2] == 1) { return classifyV4(v4) }  // NAT64
        if g[0] == 0x2002 {  // 6to4
            let c = classifyV4(UInt32(g[1]) << 16 | UInt32(g[2]))
            if c != .publicHost { return c }
        }
        if g[0] == 0xFD00 && g[1] == 0x0EC2 && g[2..<7].allSatisfy({ $0 == 0 }) && (g[7] == 0x254 || g[7] == 0x23) { return .metadata }
        if g[0] & 0xFFC0 == 0xFE80 { return .linkLocal }
        if g[0] & 0xFE00 == 0xFC00 || g[0] & 0xFFC0 == 0xFEC0 { return .privateNetwork }
        return .publicHost
    }
}

extension String {
    /// Splits at each `::` (IPv6 compression).
    fileprivate func components(separatedByDoubleColon: Void) -> [Substring] {
        var out: [Substring] = []
        var start = startIndex
        var i = startIndex
        while i < endIndex {
            let next = index(after: i)
            if self[i] == ":" && next < endIndex && self[next] == ":" {
                out.append(self[start..<i])
                start = index(after: next)
                i = start
                continue
            }
            i = next
        }
        out.append(self[start...])
        return out
    }
}
