// The TOML config loader (`.wow-guard.toml`): TOML.parse, then Config.parse with its validation
// (globs, custom-rule regexes compiled by PCRE2). Custom rules that load are run over a fixed text
// and the input itself, so user regexes meet the PCRE2 match/depth limits.
import WowGuardCore

let sample = "password = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"\ntoken: " + String(repeating: "ab", count: 200) + "\n"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzz.text(data, size)
    do throws(TOML.ParseError) { _ = try TOML.parse(text) } catch { if error.line < 0 { fatalError("negative line") } }
    guard let config = try? Config.parse(text, file: ".wow-guard.toml") else { return 0 }
    if !config.customRules.isEmpty {
        let scanner = SecretScanner(rules: config.customRules, allowlist: config.allowlist, jit: false)
        _ = scanner.scan(sample, path: "fixture.env")
        _ = scanner.scan(text, path: "fixture.env")
    }
    _ = config.allowlist.allowsPath("src/app/config.env")
    return 0
}
