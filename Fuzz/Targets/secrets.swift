// The secret scanner over arbitrary bytes (all built-in rules, every confidence), with the file
// kind chosen by the first byte. Property: every finding points inside the input.
import WowGuardCore

let scanner = SecretScanner(rules: RuleRegistry.all, jit: true, minimumConfidence: .low)
let scratch = SecretScanner.Scratch()
let paths = ["config/app.env", "src/main.py", "deploy/values.yaml", "settings.json", "pom.xml", "README.md", "a.min.js", "id_rsa"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSecrets(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (selector, rest) = Fuzz.split(data, size)
    let path = paths[Int(selector) % paths.count]
    let lines = rest.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    rest.withUnsafeBytes { buf in
        for f in scanner.scan(buf, path: path, scratch: scratch) {
            if f.ruleID.isEmpty || f.secret.isEmpty { fatalError("empty finding \(f.ruleID)") }
            if f.line < 1 || f.line > lines || f.endLine < f.line { fatalError("finding line \(f.line)-\(f.endLine) outside 1...\(lines)") }
        }
    }
    return 0
}
