/// Why a custom rule's example does not produce a finding: the scanner's conditions checked one by
/// one, in the scanner's order, so that the configuration error names the one that failed.
enum CustomRuleDiagnosis {
    static func whyNot(_ rule: SecretRule, _ example: String) -> String {
        let lower = example.lowercased()
        guard rule.keywords.contains(where: { lower.contains($0) }) else {
            return "none of its keywords (\(rule.keywords.map { "\"\($0)\"" }.joined(separator: ", "))) occurs in the example; add one to 'keywords'"
        }
        guard let pattern = try? PCREPattern(rule.pattern, jit: false) else { return "the pattern does not compile" }
        let scratch = PCREScratch()
        var text = example
        let groups: [Range<Int>]? = text.withUTF8 { buf in
            pattern.firstMatch(in: UnsafeRawBufferPointer(buf), from: 0, to: buf.count, scratch: scratch)
        }
        guard let groups else { return "the pattern does not match the example (check its character classes and lengths)" }
        let range = groups[min(rule.secretGroup, groups.count - 1)]
        guard range.lowerBound >= 0, !range.isEmpty else { return "secret_group \(rule.secretGroup) is empty in the match; point it at the group that holds the secret" }
        let bytes = Array(example.utf8)
        let secretBytes = Array(bytes[range])
        let secret = String(decoding: secretBytes, as: UTF8.self)
        // The keyword must be on the line of the match.
        let lineStart = bytes[..<range.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = bytes[range.upperBound...].firstIndex(of: 0x0A) ?? bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).lowercased()
        if !rule.keywords.contains(where: { line.contains($0) }) {
            return "no keyword occurs on the line of the match; a keyword must be on the same line"
        }
        let shown = secret.count > 12 ? String(secret.prefix(8)) + "…" : secret
        if let min = rule.minEntropy {
            let e = Entropy.shannon(secretBytes)
            if e < min {
                let rounded = Double(Int(e * 100)) / 100
                return "the secret '\(shown)' has entropy \(rounded), below the rule's entropy \(min); lower 'entropy' or use a more random example"
            }
        }
        if let v = rule.validator, !v.accepts(secret) { return "the secret '\(shown)' fails the rule's validator" }
        if !rule.skipPlaceholderFilter && Placeholders.isPlaceholder(secret) {
            let low = secret.lowercased()
            let hint = Placeholders.fragments.first(where: { low.contains($0) }).map { "contains \"\($0)\"" } ?? "a placeholder word or too few distinct characters"
            return "the secret '\(shown)' looks like a placeholder (\(hint)), which the scanner ignores; use a random-looking example"
        }
        for p in rule.allowPatterns {
            if let c = try? PCREPattern(p, caseless: true, jit: false), c.matches(secret, scratch: scratch) {
                return "the secret matches the rule's allow pattern '\(p)'"
            }
        }
        return "a built-in filter rejected it (another rule or the scanner's de-duplication)"
    }
}
