/// Case-insensitive multi-keyword search (Aho-Corasick compiled to a DFA over byte classes).
/// One table lookup per input byte; reports, for each position where a keyword ends, the keyword ids.
public struct KeywordMatcher: Sendable {
    /// byte → class (0 = "not in any keyword"); letters fold to lower case.
    private let byteClass: [UInt8]
    private let classCount: Int
    /// state * classCount + class → next state
    private let transitions: [UInt32]
    /// state → keyword ids ending here (including via suffix links)
    private let outputs: [[Int32]]
    public let keywords: [String]

    public init(keywords: [String]) {
        self.keywords = keywords
        var classOf = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        let lowered = keywords.map { Array($0.lowercased().utf8) }
        for word in lowered {
            for b in word where classOf[Int(b)] == 0 {
                classOf[Int(b)] = next
                next += 1
                precondition(next < 255, "too many distinct keyword bytes")
            }
        }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(b)] = classOf[Int(b + 32)] }
        let classes = Int(next)

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var out: [[Int32]] = [[]]
        for (id, word) in lowered.enumerated() where !word.isEmpty {
            var s = 0
            for b in word {
                let c = Int(classOf[Int(b)])
                if goto[s][c] < 0 {
                    goto[s][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classes))
                    out.append([])
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(id))
        }
        // BFS to fill failure transitions into a full DFA.
        var fail = [Int](repeating: 0, count: goto.count)
        var table = [UInt32](repeating: 0, count: goto.count * classes)
        var queue: [Int] = []
        for c in 0..<classes {
            let t = goto[0][c]
            if t >= 0 && c != 0 { table[c] = UInt32(t); fail[Int(t)] = 0; queue.append(Int(t)) } else { table[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s].append(contentsOf: out[fail[s]])
            for c in 0..<classes {
                let t = goto[s][c]
                if t >= 0 && c != 0 {
                    fail[Int(t)] = Int(table[fail[s] * classes + c])
                    table[s * classes + c] = UInt32(t)
                    queue.append(Int(t))
                } else {
                    table[s * classes + c] = table[fail[s] * classes + c]
                }
            }
        }
        byteClass = classOf
        classCount = classes
        transitions = table
        outputs = out
    }

    /// Calls `onMatch(keywordID, endOffset)` for every keyword occurrence (end offset exclusive).
    @inline(__always)
    public func scan(_ bytes: UnsafeRawBufferPointer, _ onMatch: (Int, Int) -> Void) {
        byteClass.withUnsafeBufferPointer { cls in
            transitions.withUnsafeBufferPointer { table in
                outputs.withUnsafeBufferPointer { outs in
                    var state = 0
                    let n = bytes.count
                    let classes = classCount
                    var i = 0
                    while i < n {
                        state = Int(table[state &* classes &+ Int(cls[Int(bytes[i])])])
                        i &+= 1
                        if state != 0 {
                            let o = outs[state]
                            if !o.isEmpty { for id in o { onMatch(Int(id), i) } }
                        }
                    }
                }
            }
        }
    }
}
