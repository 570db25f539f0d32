// The URL parser and the host/IP classifier (every spelling an HTTP client accepts), plus the
// web-fetch policy. Property: normalising a host is idempotent for the classifier (a host that
// is metadata or loopback stays so however often it is normalised).
import WowGuardCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURL(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzz.text(data, size)
    if let parsed = URLPolicy.parse(text) {
        for h in parsed.hosts {
            let c = HostClassifier.classify(h)
            let n = HostClassifier.normalize(h)
            if HostClassifier.classify(n) != c { fatalError("classify(\(h.debugDescription)) = \(c) but classify(normalize) = \(HostClassifier.classify(n))") }
        }
    }
    Fuzz.check(URLPolicy.fetchVerdicts(text))
    _ = HostClassifier.classify(text)
    _ = HostClassifier.parseIPv4(text)
    _ = HostClassifier.parseIPv6(text)
    return 0
}
