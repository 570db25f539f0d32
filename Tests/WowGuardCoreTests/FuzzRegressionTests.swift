import XCTest
@testable import WowGuardCore

/// Inputs the libFuzzer targets (Fuzz/Targets) found, kept as regression tests. The raw inputs
/// are also under Fuzz/Regressions/<target>/ and replayed by every `make fuzz` run.
final class FuzzRegressionTests: XCTestCase {
    /// Fuzz/Targets/url.swift: `normalize` removed one `]`, one layer of percent-encoding and the
    /// trailing dots once, so a host reading like `x.lvh.me]]` classified as public while its
    /// normalised form is loopback. Classification now normalises to a fixed point.
    func testHostNormalisationReachesAFixedPoint() {
        let hosts = [
            "\u{FFFD}a.1%.lvh.me]]",           // the fuzzer's input (Fuzz/Regressions/url/)
            "a.lvh.me].",                      // a dot after the bracket
            "[[169.254.169.254]]",             // doubled brackets
            "169.254.169.254.].",
            "%2531%2532%2537.0.0.1",           // percent-encoding twice
            "metadata.google.internal.]",
        ]
        for h in hosts {
            let c = HostClassifier.classify(h)
            XCTAssertEqual(c, HostClassifier.classify(HostClassifier.normalize(h)), h)
            XCTAssertNotEqual(c, .publicHost, h)
        }
        // Ordinary hosts are unchanged.
        XCTAssertEqual(HostClassifier.classify("example.com"), .publicHost)
        XCTAssertEqual(HostClassifier.classify("api.github.com."), .publicHost)
        XCTAssertEqual(HostClassifier.classify("[::1]"), .loopback)
    }

    /// Fuzz/Differential/shdiff.py: in `$'…'`, a decoded NUL (`\0`, `\x00`, `\u00`) ends the quoted
    /// part for bash (words are C strings), so `r$'m\0x'` runs `rm`. The parser kept the NUL and
    /// the rest, saw a command named "rm\0x", and let `r$'m\0x' -rf ~/` through.
    func testNULInsideANSIQuotingEndsThePartAsInBash() {
        let ctx = ShellContext(projectDir: "/work/project", homeDir: "/home/dev", cwd: "/work/project")
        for cmd in [#"r$'m\0x' -rf ~/"#, #"r$'m\x00zz' -rf /"#, #"$'rm\u0000q' -rf ~"#] {
            XCTAssertEqual(ShellAnalyzer.analyze(cmd, context: ctx).decision, .deny, cmd)
        }
        // A NUL anywhere else in the word only cuts the quoted part: `$'a\0b'c` is "ac".
        XCTAssertNotEqual(ShellAnalyzer.analyze(#"echo $'a\0b'c"#, context: ctx).decision, .deny)
    }
}
