/// Shared filter for values that look like documentation placeholders or references, not secrets.
public enum Placeholders {
    /// Lower-case fragments that mark a value as a placeholder.
    static let fragments: [String] = [
        "example", "your_", "your-", "yourkey", "yourtoken", "yoursecret", "yourpass", "<your", "placeholder",
        "changeme", "change_me", "change-me", "dummy", "redacted", "xxxxxx", "******", "••••", "replace_me", "replaceme",
        "insert_", "_here", "-here", "sample", "fake", "notreal", "not_real", "not-a-real", "lorem", "foobar",
        "${", "{{", "}}", "$(", "%(", "#{", "<%", "process.env", "os.environ", "getenv", "env[", "secrets.",
        "vault(", "ssm:", "arn:aws:secretsmanager", "!vault", "\\(", "000000000000", "111111111111", "123456789",
        "abcdefgh", "qwerty", "password1", "secret123", "passw0rd", "s3cr3t", "todo", "tbd", "none", "null",
    ]

    /// True if `secret` looks like a placeholder, a template reference or a trivially low-variety value.
    public static func isPlaceholder(_ secret: String) -> Bool {
        let lower = secret.lowercased()
        for f in fragments where lower.contains(f) { return true }
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
