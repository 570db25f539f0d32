/// How well ordinary code and English vocabulary explain a string: the average number of bits per
/// character under a character-trigram model trained offline on real source code
/// (`Scripts/build-naturalness-model.py`, data in `NaturalnessModel.swift`).
///
/// Identifiers, words, paths and config keywords score about 3–4.5 bits per character; random
/// base62/base64 tokens 6–9. Digits form one class, so hex strings and UUIDs score low here: the
/// value classifier recognises those shapes separately.
public enum Naturalness {
    /// Decoded on first use (the agent hook pays for it only when a generic rule has a pair to judge):
    /// one pass over the literal's bytes, no `Character` work.
    static let table: [UInt8] = {
        let n = NaturalnessModelData.symbols
        return NaturalnessModelData.trigramsBase64.withUTF8Buffer { text in
            [UInt8](unsafeUninitializedCapacity: n * n * n) { out, count in
                // A base64 decoder over the literal's bytes in place (newlines and indentation skipped):
                // about 8 instructions a character, where iterating `String.utf8` cost 60.
                var acc: UInt32 = 0, bits = 0, k = 0
                for c in text {
                    let v: UInt8
                    switch c {
                    case 0x41...0x5A: v = c &- 0x41
                    case 0x61...0x7A: v = c &- 0x61 &+ 26
                    case 0x30...0x39: v = c &- 0x30 &+ 52
                    case 0x2B: v = 62
                    case 0x2F: v = 63
                    default: continue  // newlines, indentation, padding
                    }
                    acc = acc << 6 | UInt32(v)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        guard k < out.count else { k = -1; break }
                        out[k] = UInt8(truncatingIfNeeded: acc >> UInt32(bits))
                        k += 1
                    }
                }
                if k != out.count { for i in 0..<out.count { out[i] = 80 } }  // a damaged model: neutral
                count = out.count
            }
        }
    }()

    @inline(__always) static func symbol(_ b: UInt8) -> Int {
        if b >= 0x61 && b <= 0x7A { return Int(b - 0x61) }
        if b >= 0x41 && b <= 0x5A { return Int(b - 0x41) }
        if b >= 0x30 && b <= 0x39 { return 26 }
        return 27
    }

    /// Average -log2 P per character (including the end-of-token step). Empty input: 0.
    public static func bitsPerChar<S: Sequence>(_ bytes: S) -> Double where S.Element == UInt8 {
        let n = NaturalnessModelData.symbols
        let boundary = n - 1
        let t = table
        var a = boundary, b = boundary
        var total = 0, count = 0
        for byte in bytes {
            let c = symbol(byte)
            total += Int(t[(a * n + b) * n + c])
            a = b; b = c
            count += 1
        }
        guard count > 0 else { return 0 }
        total += Int(t[(a * n + b) * n + boundary])
        return Double(total) / 16.0 / Double(count + 1)
    }
}
