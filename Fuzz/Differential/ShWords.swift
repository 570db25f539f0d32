// The shell parser's view of commands, for the differential fuzzer (Fuzz/Differential/shdiff.py).
// Reads NUL-separated command lines on stdin; prints one JSON line per input:
//   {"error": null | "syntax" | "tooDeep" | "tooLarge", "cmds": [[word, ...], ...], "opaque": n}
// `cmds` are the simple commands in source order with their words after quote removal (only
// words without expansions; a command with any other word counts in `opaque`).
@testable import WowGuardCore

func collect(_ node: ShNode, _ cmds: inout [[String]], _ opaque: inout Int) {
    switch node {
    case .simple(let c):
        if c.words.isEmpty { return }
        let words = c.words.compactMap(\.plainText)
        if words.count == c.words.count { cmds.append(words) } else { opaque += 1 }
    case .pipeline(let stages): for s in stages { collect(s, &cmds, &opaque) }
    case .list(let items): for i in items { collect(i.node, &cmds, &opaque) }
    case .subshell(let n, _), .group(let n, _): collect(n, &cmds, &opaque)
    case .ifClause(let ns, _): for n in ns { collect(n, &cmds, &opaque) }
    case .loop(let c, let b, _, _): collect(c, &cmds, &opaque); collect(b, &cmds, &opaque)
    default: opaque += 1
    }
}

@main
struct ShWordsMain {
    static func main() {
        var input: [UInt8] = []
        while let line = readLine(strippingNewline: false) { input += Array(line.utf8) }
        for chunk in input.split(separator: 0, omittingEmptySubsequences: false) where !chunk.isEmpty {
            var parser = ShParser(bytes: Array(chunk), depth: 0)
            let (items, error) = parser.parseProgram()
            var cmds: [[String]] = []
            var opaque = 0
            for item in items { collect(item.node, &cmds, &opaque) }
            let err = error.map { e -> String in
                switch e.kind { case .syntax: "\"syntax\""; case .tooDeep: "\"tooDeep\""; case .tooLarge: "\"tooLarge\"" }
            } ?? "null"
            let list = cmds.map { "[" + $0.map { JSON.quote($0) }.joined(separator: ",") + "]" }.joined(separator: ",")
            print("{\"error\":\(err),\"cmds\":[\(list)],\"opaque\":\(opaque)}")
        }
    }
}
