// Shared helpers for the libFuzzer harnesses in Fuzz/Targets (compiled into every target by
// Scripts/fuzz.sh). Nothing here touches the file system or the environment: each harness calls
// the library in-process with a fixed, synthetic machine.
import WowGuardCore

enum Fuzz {
    /// The bytes libFuzzer hands over, copied (the harness must not keep the pointer).
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Arbitrary bytes as text, the way the tools read them (invalid UTF-8 becomes U+FFFD).
    static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// A first byte chooses a variant (agent, file kind…); the rest is the input.
    static func split(_ data: UnsafePointer<UInt8>, _ size: Int) -> (selector: UInt8, rest: [UInt8]) {
        guard size > 0 else { return (0, []) }
        return (data[0], Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    }

    static let shellContext = ShellContext(projectDir: "/work/project", homeDir: "/home/dev", cwd: "/work/project")
    static let guardContext = GuardContext(projectDir: "/work/project", homeDir: "/home/dev", cwd: "/work/project")

    /// A finding or verdict the library returned must be well formed: a broken one is a bug the
    /// sanitizers would not see.
    static func check(_ verdicts: [Verdict]) {
        for v in verdicts where v.ruleID.isEmpty { fatalError("verdict without a rule id: \(v)") }
    }
}
