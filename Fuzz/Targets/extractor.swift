// The key/value extractor under the generic secret rules: every keyword occurrence in arbitrary
// bytes is widened to a key and its pairs are read. Property: every range lies inside the input
// and the key range holds the keyword.
import WowGuardCore

let keywords: [[UInt8]] = ["pass", "secret", "token", "key", "auth", "pwd", "credential"].map { Array($0.utf8) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let buf = UnsafeRawBufferPointer(start: data, count: size)
    var out: [KeyValuePair] = []
    var i = 0
    var hits = 0
    while i < size && hits < 64 {
        for k in keywords where i + k.count <= size {
            var same = true
            for j in 0..<k.count where buf[i + j] | 0x20 != k[j] { same = false; break }
            guard same else { continue }
            hits += 1
            let hit = i..<(i + k.count)
            let key = KeyValueExtractor.keyRange(buf, around: hit)
            if key.lowerBound < 0 || key.upperBound > size { fatalError("key range \(key) outside 0..<\(size)") }
            out.removeAll(keepingCapacity: true)
            KeyValueExtractor.pairs(buf, key: key, into: &out)
            for p in out {
                for r in [p.key, p.value] + (p.childKey.map { [$0] } ?? []) where r.lowerBound < 0 || r.upperBound > size || r.lowerBound > r.upperBound {
                    fatalError("pair range \(r) outside 0..<\(size)")
                }
            }
        }
        i += 1
    }
    return 0
}
