/// Option parsing shared by the rule packs: short-option clusters (`-rf`, `-fsSLo x`), GNU
/// long options and their unambiguous abbreviations (`--rec`), `--` and `--opt=value`.
struct ShArgs {
    let items: [String]
    let shortWithArg: Set<Character>
    let longWithArg: Set<String>

    init(_ items: [String], shortWithArg: Set<Character> = [], longWithArg: Set<String> = []) {
        self.items = items
        self.shortWithArg = shortWithArg
        self.longWithArg = longWithArg
    }

    init(_ fields: [ShField], shortWithArg: Set<Character> = [], longWithArg: Set<String> = []) {
        self.init(fields.map(\.text), shortWithArg: shortWithArg, longWithArg: longWithArg)
    }

    struct Parsed {
        /// Short letters seen, in order.
        var short: [Character] = []
        /// Long option names (without value).
        var long: [String] = []
        /// Values of options that take one: key is `-x` or `--name`.
        var values: [(String, String)] = []
        /// Operands (GNU permutation: options may follow operands, until `--`).
        var operands: [String] = []
        var operandIndices: [Int] = []

        func has(_ c: Character) -> Bool { short.contains(c) }

        func hasLong(_ full: String, minPrefix: Int = 0) -> Bool {
            long.contains { $0 == full || (minPrefix > 0 && $0.count >= minPrefix && full.hasPrefix($0)) }
        }

        func value(_ keys: String...) -> String? {
            for (k, v) in values.reversed() where keys.contains(k) { return v }
            return nil
        }

        func allValues(_ keys: String...) -> [String] {
            values.filter { keys.contains($0.0) }.map(\.1)
        }
    }

    /// Full GNU-style parse. `stopAtOperand`: options end at the first operand (POSIX utilities,
    /// wrappers whose operand is a command).
    func parse(stopAtOperand: Bool = false, from start: Int = 0) -> Parsed {
        var p = Parsed()
        var k = start
        var optionsDone = false
        while k < items.count {
            let a = items[k]
            if optionsDone || a == "-" || !a.hasPrefix("-") || a.count == 1 {
                p.operands.append(a)
                p.operandIndices.append(k)
                if stopAtOperand { optionsDone = true }
                k += 1
                continue
            }
            if a == "--" {
                optionsDone = true
                k += 1
                continue
            }
            if a.hasPrefix("--") {
                let (name, v) = ShText.splitOption(a)
                p.long.append(name)
                if let v {
                    p.values.append((name, v))
                } else if longWithArg.contains(name), k + 1 < items.count {
                    p.values.append((name, items[k + 1]))
                    k += 1
                }
                k += 1
                continue
            }
            let letters = Array(a.dropFirst())
            var consumedNext = false
            for (ci, ch) in letters.enumerated() {
                p.short.append(ch)
                if shortWithArg.contains(ch) {
                    if ci == letters.count - 1 {
                        if k + 1 < items.count {
                            p.values.append(("-" + String(ch), items[k + 1]))
                            consumedNext = true
                        }
                    } else {
                        p.values.append(("-" + String(ch), String(letters[(ci + 1)...])))
                    }
                    break
                }
            }
            k += consumedNext ? 2 : 1
        }
        return p
    }

    /// Index of the first operand (the wrapped command), skipping `skip` leading operands
    /// (`timeout 10 cmd`, `chroot /dir cmd`).
    func commandIndex(skip: Int = 0) -> Int? {
        var k = 0
        var skipped = 0
        while k < items.count {
            let a = items[k]
            if a == "--" {
                k += 1
                break
            }
            if a.hasPrefix("--") && a.count > 2 {
                k += (!a.contains("=") && longWithArg.contains(a)) ? 2 : 1
                continue
            }
            if a.hasPrefix("-") && a.count > 1 {
                let letters = Array(a.dropFirst())
                var next = false
                for (ci, ch) in letters.enumerated() where shortWithArg.contains(ch) {
                    next = ci == letters.count - 1
                    break
                }
                k += next ? 2 : 1
                continue
            }
            if skipped < skip {
                skipped += 1
                k += 1
                continue
            }
            return k
        }
        while skipped < skip && k < items.count {
            skipped += 1
            k += 1
        }
        return k < items.count ? k : nil
    }
}
