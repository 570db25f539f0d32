/// Shared filter for values that look like documentation placeholders or references, not secrets.
public enum Placeholders {
    /// Lower-case fragments that mark a value as a placeholder wherever they occur. All are long or
    /// contain punctuation, so a random token contains one by chance with negligible probability.
    static let fragments: [String] = [
        "example", "your_", "your-", "yourkey", "yourtoken", "yoursecret", "yourpass", "<your", "placeholder",
        "changeme", "change_me", "change-me", "dummy", "redacted", "xxxxxx", "******", "••••", "replace_me", "replaceme",
        "insert_", "_here", "-here", "sample", "notreal", "not_real", "not-a-real", "lorem", "foobar",
        "${", "{{", "}}", "$(", "%(", "#{", "<%", "process.env", "os.environ", "getenv", "env[", "secrets.",
        "vault(", "ssm:", "arn:aws:secretsmanager", "!vault", "\\(", "000000000000", "111111111111", "123456789",
        "abcdefgh", "abc123", "abcd1234", "password1", "secret123", "passw0rd", "s3cr3t",
        // Encrypted values (sops, ansible-vault, sealed secrets) are safe to commit.
        "enc[aes256_gcm", "$ansible_vault", "!encrypted", "ag-encrypted",
    ]

    /// Short words that mark a placeholder only as a whole word (`TODO`, `my-fake-key`), never inside
    /// a longer run of letters and digits (a 150-character random token contains "tbd" 0.5% of the time).
    static let words: Set<String> = ["todo", "tbd", "none", "null", "nil", "fake", "demo", "mock", "stub", "foo", "bar", "xxx"]

    /// True if `secret` looks like a placeholder, a template reference or a trivially low-variety value.
    static let fragmentNeedles = ASCII.Needles(fragments)
    static let wordTrie = ASCII.Trie(Array(words))

    public static func isPlaceholder(_ secret: String) -> Bool { isPlaceholder(bytes: Array(secret.utf8)) }

    /// Byte-level form (the hot path of the generic rules).
    static func isPlaceholder(bytes: [UInt8]) -> Bool {
        let lower = ASCII.lower(bytes)
        if fragmentNeedles.any(in: lower) { return true }
        // Whole alphanumeric words only.
        var start = 0
        for i in 0...lower.count {
            let alnum = i < lower.count && ((lower[i] >= 0x61 && lower[i] <= 0x7A) || (lower[i] >= 0x30 && lower[i] <= 0x39))
            if alnum { continue }
            if i - start >= 3 && i - start <= 4 && wordTrie.contains(Array(lower[start..<i])) { return true }
            start = i + 1
        }
        if let first = lower.first, first == UInt8(ascii: "$") || first == UInt8(ascii: "<") || first == UInt8(ascii: "%") {
            return true
        }
        // Few distinct characters relative to length (aaaa…, abababab…, 0000…).
        var seen = [Bool](repeating: false, count: 256)
        var distinct = 0
        for b in lower where !seen[Int(b)] { seen[Int(b)] = true; distinct += 1; if distinct > 4 { break } }
        if lower.count >= 8 && distinct <= 3 { return true }
        return false
    }
}
