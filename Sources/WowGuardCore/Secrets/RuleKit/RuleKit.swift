/// The shared kit for rule files: synthetic example values and common pattern pieces, so that
/// family files need no private generators or hand-numbered seeds.
///
/// Every synthetic value is derived from the rule id and an index (`RuleKit.value("generic-secret", 3,
/// .base62, 24)`): stable across runs, different for every rule and example, and assembled at run time
/// so the sources hold no token-shaped literals (the project passes its own scan).
public enum RuleKit {
    /// Alphabets for synthetic values.
    public enum Alphabet: Sendable {
        case base62, base64, base64url, lowerHex, upperHex, lowerAlnum, upperAlnum, digits, lower
        case custom(String)

        public var characters: String {
            switch self {
            case .base62: Synthetic.base62
            case .base64: Synthetic.base64
            case .base64url: Synthetic.base64url
            case .lowerHex: Synthetic.lowerHex
            case .upperHex: Synthetic.upperHex
            case .lowerAlnum: Synthetic.lowerAlnum
            case .upperAlnum: Synthetic.upperAlnum
            case .digits: "0123456789"
            case .lower: "abcdefghijklmnopqrstuvwxyz"
            case .custom(let s): s
            }
        }
    }

    /// A 64-bit seed from a rule id and an example index (FNV-1a, then mixed).
    public static func seed(_ ruleID: String, _ index: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in ruleID.utf8 { h ^= UInt64(b); h = h &* 0x0000_0100_0000_01B3 }
        h ^= UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    /// `count` characters over `alphabet`, seeded by the rule id and index.
    public static func value(_ ruleID: String, _ index: Int, _ alphabet: Alphabet, _ count: Int) -> String {
        Synthetic.string(count, alphabet: alphabet.characters, seed: seed(ruleID, index))
    }

    /// A random-looking password: letters, digits and one symbol, `count` characters.
    public static func password(_ ruleID: String, _ index: Int, _ count: Int = 12) -> String {
        let body = value(ruleID, index, .base62, max(count - 2, 2))
        return body + "!" + value(ruleID, index &+ 1000, .digits, 1)
    }

    /// A lower-case UUID.
    public static func uuid(_ ruleID: String, _ index: Int) -> String {
        let h = value(ruleID, index, .lowerHex, 32)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-" + String(c[20..<32])
    }

    /// `prefix` + 30 random base62 characters + a valid CRC-32 suffix (GitHub, npm tokens).
    public static func crc32Token(_ ruleID: String, _ index: Int, prefix: String) -> String {
        Synthetic.crc32Token(prefix: prefix, seed: seed(ruleID, index))
    }

    /// A synthetic PEM body: `lines` lines of 64 base64 characters.
    public static func pemBody(_ ruleID: String, _ index: Int, lines: Int) -> String {
        (0..<lines).map { value(ruleID, index &* 100 &+ $0, .base64, 64) }.joined(separator: "\n")
    }

    /// Common pattern pieces.
    public enum Pattern {
        public static let uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        public static let hex32 = "[0-9a-fA-F]{32}"
        public static let hex40 = "[0-9a-fA-F]{40}"
        public static let hex64 = "[0-9a-fA-F]{64}"
        /// Not preceded by a token character (a left word boundary for tokens).
        public static let tokenStart = "(?<![A-Za-z0-9_\\-])"
        /// Not followed by a token character.
        public static let tokenEnd = "(?![A-Za-z0-9_\\-])"
    }
}
