#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Checksums and encodings used to validate token formats.
public enum Checksums {
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (IEEE 802.3), as used by zlib.
    public static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    public static let base62Alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// Base62 of `value`, left-padded with "0" to `width` characters.
    public static func base62(_ value: UInt32, width: Int) -> String {
        var v = value
        var digits: [UInt8] = []
        repeat { digits.append(base62Alphabet[Int(v % 62)]); v /= 62 } while v > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// GitHub (`ghp_` and friends) and npm (`npm_`) tokens end with a 6-character base62
    /// CRC-32 of the 30 random characters that precede it.
    public static func hasValidCRC32Suffix(_ token: String, prefixLength: Int) -> Bool {
        let bytes = Array(token.utf8)
        guard bytes.count == prefixLength + 36 else { return false }
        let body = bytes[prefixLength..<(prefixLength + 30)]
        let check = String(decoding: bytes[(prefixLength + 30)...], as: UTF8.self)
        return base62(crc32(body), width: 6) == check
    }
}

/// Shannon entropy in bits per character (byte).
public enum Entropy {
    public static func shannon<S: Sequence>(_ s: S) -> Double where S.Element == UInt8 {
        var counts = [Int](repeating: 0, count: 256)
        var n = 0
        for b in s { counts[Int(b)] += 1; n += 1 }
        guard n > 0 else { return 0 }
        var h = 0.0
        let total = Double(n)
        for c in counts where c > 0 {
            let p = Double(c) / total
            h -= p * log2(p)
        }
        return h
    }

    public static func shannon(_ s: String) -> Double { shannon(s.utf8) }
}
