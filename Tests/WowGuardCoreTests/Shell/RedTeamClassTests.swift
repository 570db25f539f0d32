import XCTest
@testable import WowGuardCore

/// Runs `RedTeam.cases` in-process (policy engine, shell analyzer, script detector) twice: with
/// HOME outside any temp folder and with HOME under /tmp. Prints recall and false blocks per class.
final class RedTeamClassTests: XCTestCase {
    static let scanner = SecretScanner(rules: RuleRegistry.all, jit: false)
    /// Rule ids seen in verdicts that the catalog does not list (must stay empty).
    nonisolated(unsafe) static var uncatalogued: Set<String> = []

    struct Tally { var attacks = 0, blocked = 0, ordinary = 0, falseBlocks = 0 }

    static func blocked(_ c: RedTeam.Case, home: String) -> (Bool, String) {
        let project = home + "/project"
        let ctx = GuardContext(projectDir: project, homeDir: home, cwd: project)
        let engine = PolicyEngine(scanner: scanner, context: ctx)
        func sub(_ s: String) -> String { s.replacingOccurrences(of: "{h}", with: home).replacingOccurrences(of: "{p}", with: project) }
        let verdicts: [Verdict]
        switch c.tool {
        case .shell(let s): verdicts = engine.evaluate(.shell(command: sub(s)))
        case .write(let p, let t): verdicts = engine.evaluate(.write(path: sub(p), content: t))
        case .edit(let p, let t): verdicts = engine.evaluate(.edit(path: sub(p), newTexts: [t]))
        case .read(let p): verdicts = engine.evaluate(.read(path: sub(p)))
        case .mcp(let n, let input): verdicts = engine.evaluate(.mcp(name: n, input: .object(input)))
        case .commit(let p, let t):
            let d = ScriptDetector(allowlist: Allowlist(), context: ShellContext(projectDir: project, homeDir: home, cwd: project))
            let f = d.scan(path: p, text: t)
            for x in f where RuleCatalog.entry(id: x.ruleID) == nil { uncatalogued.insert(x.ruleID) }
            return (!f.isEmpty, f.map(\.ruleID).joined(separator: ","))
        }
        for v in verdicts where RuleCatalog.entry(id: v.ruleID) == nil { uncatalogued.insert(v.ruleID) }
        return (verdicts.decision >= .ask, verdicts.map { "\($0.ruleID)(\($0.decision.rawValue))" }.joined(separator: ","))
    }

    static func label(_ c: RedTeam.Case) -> String {
        switch c.tool {
        case .shell(let s): "Bash: " + s
        case .write(let p, let t): "Write \(p): " + t.prefix(70).debugDescription
        case .edit(let p, let t): "Edit \(p): " + t.prefix(70).debugDescription
        case .read(let p): "Read " + p
        case .mcp(let n, let i): n + " " + i.map { "\($0.0)=\($0.1.string ?? "…")" }.joined(separator: " ")
        case .commit(let p, let t): "commit \(p): " + t.prefix(70).debugDescription
        }
    }

    func testClassesWithHomeOutsideAndInsideTemp() {
        var totals = Tally()
        var failures: [String] = []
        var byClass: [String: [String: Tally]] = [:]
        var order: [String] = []
        for home in ["/home/dev", "/tmp/xyz/home"] {
            for c in RedTeam.cases {
                if !order.contains(c.cls) { order.append(c.cls) }
                let (b, why) = Self.blocked(c, home: home)
                var t = byClass[c.cls, default: [:]][home, default: Tally()]
                if c.block {
                    t.attacks += 1; totals.attacks += 1
                    if b { t.blocked += 1; totals.blocked += 1 } else { failures.append("  [\(c.cls), HOME=\(home)] MISSED  \(Self.label(c))") }
                } else {
                    t.ordinary += 1; totals.ordinary += 1
                    if b { t.falseBlocks += 1; totals.falseBlocks += 1; failures.append("  [\(c.cls), HOME=\(home)] FALSE BLOCK  \(Self.label(c))  → \(why)") }
                }
                byClass[c.cls, default: [:]][home] = t
            }
        }
        var table = "red-team classes (recall = attacks blocked; FB = ordinary work blocked)\n"
        table += "class                      HOME=/home/dev               HOME=/tmp/xyz/home\n"
        func cell(_ t: Tally) -> String {
            let r = t.attacks == 0 ? "   -   " : String(format: "%2d/%2d", t.blocked, t.attacks)
            let f = t.ordinary == 0 ? "  -  " : String(format: "%d/%d", t.falseBlocks, t.ordinary)
            return "recall \(r)  FB \(f)".padding(toLength: 29, withPad: " ", startingAt: 0)
        }
        for cls in order {
            let row = byClass[cls]!
            table += cls.padding(toLength: 27, withPad: " ", startingAt: 0) + cell(row["/home/dev"]!) + cell(row["/tmp/xyz/home"]!) + "\n"
        }
        let recall = Double(totals.blocked) / Double(max(1, totals.attacks))
        let fb = Double(totals.falseBlocks) / Double(max(1, totals.ordinary))
        table += String(format: "total: recall %d/%d = %.3f, false blocks %d/%d = %.3f\n", totals.blocked, totals.attacks, recall,
                        totals.falseBlocks, totals.ordinary, fb)
        print(table)
        if !failures.isEmpty { print("red-team failures (\(failures.count)):\n" + failures.joined(separator: "\n")) }
        XCTAssertEqual(Self.uncatalogued, [], "rule ids emitted but not in RuleCatalog")
        XCTAssertGreaterThanOrEqual(recall, 0.97)
        XCTAssertLessThanOrEqual(fb, 0.03)
    }
}
