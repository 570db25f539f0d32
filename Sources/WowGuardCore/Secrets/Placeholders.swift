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
        "abcdefgh", "qwerty", "password1", "secret123", "passw0rd", "s3cr3t",
        // Encrypted values (sops, ansible-vault, sealed secrets) are safe to commit.
        "enc[aes256_gcm", "$ansible_vault", "!encrypted", "ag-encrypted",
    ]

    /// Short words that mark a placeholder only as a whole word (`TODO`, `my-fake-key`), never inside
    /// a longer run of letters and digits (a 150-character random token contains "tbd" 0.5% of the time).
    static let words: Set<String> = ["todo", "tbd", "none", "null", "nil", "fake", "demo", "mock", "stub", "foo", "bar", "xxx"]

    /// True if `secret` looks like a placeholder, a template reference or a trivially low-variety value.
    public static func isPlaceholder(_ secret: String) -> Bool {
        let lower = secret.lowercased()
        for f in fragments where lower.contains(f) { return true }
        var word = ""
        for c in lower.unicodeScalars {
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") { word.unicodeScalars.append(c); continue }
            if words.contains(word) { return true }
            word = ""
        }
        if words.contains(word) { return true }
        if let first = lower.utf8.first, first == UInt8(ascii: "$") || first == UInt8(ascii: "<") || first == UInt8(ascii: "%") {
            return true
        }
        // Few distinct characters relative to length (aaaa…, abababab…, 0000…).
        var seen = Set<UInt8>()
        for b in lower.utf8 { seen.insert(b); if seen.count > 4 { break } }
        if lower.utf8.count >= 8 && seen.count <= 3 { return true }
        return false
    }
}
