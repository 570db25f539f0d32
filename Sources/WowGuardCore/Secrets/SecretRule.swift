/// Extra checks a candidate secret must pass to count as a finding.
public enum SecretValidator: Sendable {
    /// `prefix` + 30 random base62 characters + 6-character base62 CRC-32 (GitHub classic tokens, npm).
    case crc32Base62(prefixLength: Int)
    /// A JSON Web Token: three base64url parts, the first decoding to a JSON object with `"alg"`.
    case jwt
    /// Any other check, in code.
    case custom(@Sendable (String) -> Bool)

    func accepts(_ secret: String) -> Bool {
        switch self {
        case .crc32Base62(let prefixLength): Checksums.hasValidCRC32Suffix(secret, prefixLength: prefixLength)
        case .jwt: JWTCheck.looksLikeJWT(secret)
        case .custom(let check): check(secret)
        }
    }
}

/// A generic rule judged on key/value pairs (see `KeyValueExtractor`) instead of a pattern.
public struct KeyValueRule: Sendable {
    /// The key meanings this rule reports.
    public var kinds: Set<KeyMeaning.Kind>
    /// Quoted values (code, JSON, quoted YAML) or bare ones (.env, INI, YAML, flags).
    public var quoted: Bool
    public init(kinds: Set<KeyMeaning.Kind>, quoted: Bool) {
        self.kinds = kinds
        self.quoted = quoted
    }
}

/// A secret-detection rule. Rules carry their own examples: every `examples` entry must produce
/// a finding of this rule and no `counterExamples` entry may (checked by one shared test).
public struct SecretRule: Sendable {
    /// Stable kebab-case id, used in output, config (`[rules] disable`) and fingerprints.
    public var id: String
    public var description: String
    /// Lower-case strings of which at least one must occur (case-insensitively) on the line of a
    /// match for the rule to run there. Empty = run everywhere (avoid: slow).
    public var keywords: [String]
    /// PCRE2 pattern, matched over bytes with `^`/`$` at line boundaries.
    public var pattern: String
    /// Capture group holding the secret (0 = the whole match).
    public var secretGroup: Int
    /// Minimum Shannon entropy (bits per character) of the secret, if any.
    public var minEntropy: Double?
    public var severity: Severity
    public var validator: SecretValidator?
    /// Matches may span lines (e.g. private keys); the engine widens its search window.
    public var multiline: Bool
    /// Generic rules (assignments of `password = "…"`) yield to a specific rule on the same text.
    public var generic: Bool
    /// Skip the shared placeholder filter (for rules whose secrets legitimately look "low-effort").
    public var skipPlaceholderFilter: Bool
    /// Secrets that match any of these patterns are not findings (rule-specific false-positive filters).
    public var allowPatterns: [String]
    /// How sure a match of this rule is (specific formats: high).
    public var confidence: Confidence
    /// Per-match confidence, when it depends on the secret (encrypted private keys: low).
    public var assess: (@Sendable (String) -> Confidence)?
    /// Set for generic key/value rules: the engine runs the extractor and the value classifier,
    /// and `pattern` is not used.
    public var keyValue: KeyValueRule?
    /// Built on demand: examples are synthesised, and the hook path must not pay for them at start-up.
    private let makeExamples: @Sendable () -> [String]
    private let makeCounterExamples: @Sendable () -> [String]
    public var examples: [String] { makeExamples() }
    public var counterExamples: [String] { makeCounterExamples() }

    public init(id: String, description: String, keywords: [String], pattern: String,
                secretGroup: Int = 1, minEntropy: Double? = nil, severity: Severity = .high,
                validator: SecretValidator? = nil, multiline: Bool = false, generic: Bool = false,
                skipPlaceholderFilter: Bool = false, allowPatterns: [String] = [],
                confidence: Confidence = .high, assess: (@Sendable (String) -> Confidence)? = nil,
                keyValue: KeyValueRule? = nil,
                examples: @autoclosure @escaping @Sendable () -> [String],
                counterExamples: @autoclosure @escaping @Sendable () -> [String] = []) {
        self.id = id
        self.description = description
        self.keywords = keywords
        self.pattern = pattern
        self.secretGroup = secretGroup
        self.minEntropy = minEntropy
        self.severity = severity
        self.validator = validator
        self.multiline = multiline
        self.generic = generic
        self.skipPlaceholderFilter = skipPlaceholderFilter
        self.allowPatterns = allowPatterns
        self.confidence = confidence
        self.assess = assess
        self.keyValue = keyValue
        self.makeExamples = examples
        self.makeCounterExamples = counterExamples
    }
}

/// Helpers that rule files use to build realistic examples without committing real-looking tokens:
/// examples are assembled from obviously synthetic pieces at run time.
public enum Synthetic {
    /// A deterministic pseudo-random string over `alphabet` (seeded, so examples are stable).
    public static func string(_ count: Int, alphabet: String = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", seed: UInt64) -> String {
        let chars = Array(alphabet)
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var out = ""
        out.reserveCapacity(count)
        for _ in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            out.append(chars[Int(state % UInt64(chars.count))])
        }
        return out
    }

    public static let lowerHex = "0123456789abcdef"
    public static let upperHex = "0123456789ABCDEF"
    public static let base62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    public static let base64 = base62 + "+/"
    public static let base64url = base62 + "-_"
    public static let lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
    public static let upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

    /// A token `prefix` + 30 random base62 characters + its valid CRC-32 suffix.
    public static func crc32Token(prefix: String, seed: UInt64) -> String {
        let body = string(30, alphabet: base62, seed: seed)
        return prefix + body + Checksums.base62(Checksums.crc32(Array(body.utf8)), width: 6)
    }
}

enum JWTCheck {
    static func looksLikeJWT(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64.decodeURL(parts[0]) else { return false }
        let text = String(decoding: header, as: UTF8.self)
        return text.hasPrefix("{") && text.contains("\"alg\"")
    }
}

public enum Base64 {
    /// Decodes standard or URL-safe base64, with or without padding. Nil on invalid input.
    public static func decodeURL<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var out: [UInt8] = []
        var acc: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): v = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): v = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }
}
