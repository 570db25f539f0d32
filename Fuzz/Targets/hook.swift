// The agent hook, in-process: payload bytes -> HookService.handle for one agent protocol (chosen
// by the first byte) on a synthetic machine (no environment, no file system, no PATH).
// Property beyond "no crash, no hang": every reply is a valid answer for the agent (exit code
// 0 or 2; a non-empty stdout is one JSON value).
import WowGuardAgents
import WowGuardCore

let host = HookHost(environment: { _ in nil }, home: "/home/dev", cwd: "/work/project",
                    projectRoot: { _ in "/work/project" }, now: { 1_800_000_000 },
                    configuration: { _ in (Config(), nil) }, realPath: { _ in nil }, which: { _ in nil })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (selector, rest) = Fuzz.split(data, size)
    let kinds = AgentKind.allCases
    let agent = kinds[Int(selector) % kinds.count]
    let reply = HookService.handle(agent: agent, bytes: rest, host: host)
    if reply.exitCode != 0 && reply.exitCode != 2 && reply.exitCode != 1 {
        fatalError("\(agent): exit code \(reply.exitCode)")
    }
    let out = reply.stdout.trimmingWhitespace()
    if !out.isEmpty {
        var bytes = Array(out.utf8)
        let ok = bytes.withUnsafeMutableBytes { b -> Bool in
            do throws(JSONValue.ParseError) { _ = try JSONValue.parse(UnsafeRawBufferPointer(b)); return true } catch { return false }
        }
        if !ok { fatalError("\(agent): stdout is not JSON: \(out.prefix(200).debugDescription)") }
    }
    return 0
}
