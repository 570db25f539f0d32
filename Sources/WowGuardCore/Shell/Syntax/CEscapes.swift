/// C-style backslash escapes, decoded once for every place the shell reads them: `$'…'` (ANSI-C
/// quoting, ends at an unescaped `'`) and `echo -e` / `printf %b` (no terminator; `\c` stops the
/// output; `\0nnn` takes up to three octal digits after the zero).
enum CEscapes {
    struct Decoded {
        var bytes: [UInt8]
        /// Index after the terminator (or the end of the input).
        var end: Int
        /// The terminator was found.
        var terminated: Bool
        /// `\c` stopped the output (echo style).
        var stopped: Bool
    }

    static func hex(_ c: UInt8) -> UInt8? { HostClassifier.hexValue(c) }

    static func decode(_ b: [UInt8], from start: Int, terminator: UInt8?, echoStyle: Bool, stopAtC: Bool = true) -> Decoded {
        var out: [UInt8] = []
        var i = start
        func hexDigits(_ maxCount: Int) -> UInt32? {
            var v: UInt32 = 0
            var n = 0
            while n < maxCount, i < b.count, let h = hex(b[i]) {
                v = v * 16 + UInt32(h)
                i += 1
                n += 1
            }
            return n == 0 ? nil : v
        }
        while i < b.count {
            let c = b[i]
            if let t = terminator, c == t { return Decoded(bytes: out, end: i + 1, terminated: true, stopped: false) }
            guard c == UInt8(ascii: "\\") && i + 1 < b.count else {
                out.append(c)
                i += 1
                continue
            }
            let d = b[i + 1]
            i += 2
            switch d {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"): out.append(d)
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"):
                if echoStyle { out.append(UInt8(ascii: "\\")) }
                out.append(d)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(d - UInt8(ascii: "0"))
                var n = echoStyle && d == UInt8(ascii: "0") ? 0 : 1
                while n < 3, i < b.count, b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "7") {
                    v = v * 8 + UInt32(b[i] - UInt8(ascii: "0"))
                    i += 1
                    n += 1
                }
                out.append(UInt8(v & 0xFF))
            case UInt8(ascii: "x"):
                if let v = hexDigits(2) { out.append(UInt8(v)) } else { out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                if let v = hexDigits(d == UInt8(ascii: "u") ? 4 : 8), let u = Unicode.Scalar(v) {
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                } else {
                    out.append(contentsOf: [UInt8(ascii: "\\"), d])
                }
            case UInt8(ascii: "c") where !echoStyle || stopAtC:
                if echoStyle { return Decoded(bytes: out, end: b.count, terminated: false, stopped: true) }
                if i < b.count {
                    out.append(b[i] & 0x1F)
                    i += 1
                }
            default:
                out.append(UInt8(ascii: "\\"))
                out.append(d)
            }
        }
        return Decoded(bytes: out, end: b.count, terminated: false, stopped: false)
    }
}
