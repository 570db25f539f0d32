// Shell parser + analyzer over arbitrary bytes (and, on a selector byte, the PowerShell analyzer).
// Property beyond "no crash, no hang": a command the parser cannot read is never allowed
// (fail closed: unparseable is ask).
@testable import WowGuardCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzz.text(data, size)
    if size > 0 && data[0] == 0x50 && size > 1 && data[1] == 0x53 {  // "PS": PowerShell
        Fuzz.check(PowerShellAnalyzer.analyze(String(text.dropFirst(2)), context: Fuzz.shellContext))
        return 0
    }
    let verdicts = ShellAnalyzer.analyze(text, context: Fuzz.shellContext)
    Fuzz.check(verdicts)
    var parser = ShParser(TextSafety.boundingCombiningRuns(text), depth: 0)
    if parser.parseProgram().error != nil && verdicts.decision == .allow {
        fatalError("unparseable command allowed: \(text.debugDescription)")
    }
    return 0
}
