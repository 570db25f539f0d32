// The script extractors (Dockerfile, CI YAML, package.json, Makefile, justfile, pre-commit
// config, setup.py, shell scripts) and the script detector behind `scan` and pre-commit, with
// the file kind chosen by the first byte.
import WowGuardCore

let detector = ScriptDetector(allowlist: Allowlist())
let paths = ["Dockerfile", ".github/workflows/ci.yml", "package.json", "Makefile", "justfile",
             ".pre-commit-config.yaml", "setup.py", "scripts/build.sh", ".gitlab-ci.yml", "tools/run"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScripts(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (selector, rest) = Fuzz.split(data, size)
    let path = paths[Int(selector) % paths.count]
    let text = String(decoding: rest, as: UTF8.self)
    for s in ScriptExtractor.snippets(path: path, text: text) where s.line < 1 {
        fatalError("snippet line \(s.line)")
    }
    for f in detector.scan(path: path, text: text) where f.ruleID.isEmpty { fatalError("finding without rule id") }
    return 0
}
