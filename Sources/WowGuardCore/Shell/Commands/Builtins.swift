/// Shell builtins that change the shell's state or run code (cd, export, read, eval, source …) (see `ShellAnalysis.handlers`): each takes the command site and returns what
/// the command outputs, or nil to let the rule packs judge it as an ordinary command.
extension ShellAnalysis {
    mutating func cmd_cd(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv
        changeDirectory(inv, &s.env)
        return ShSource.none
    }

    mutating func cmd_popd(_ s: inout ShSite) -> ShSource? {
        s.env.cwd = nil
        return ShSource.none
    }

    mutating func cmd_export(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args, depth = s.depth
        declare(inv, &s.env, depth)
        runRules(inv, &s.env, depth)
        return a.isEmpty || a.allSatisfy({ $0.text.hasPrefix("-") && !$0.text.contains("f") }) ? ShSource.environment : ShSource.none
    }

    mutating func cmd_unset(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        for f in a where !f.text.hasPrefix("-") {
            ShellPacks.variableUnset(f.text, &self)
            if a.contains(where: { $0.text == "-f" }) { s.env.functions[f.text] = nil } else { s.env.vars[f.text] = .string("") }
        }
        return ShSource.none
    }

    mutating func cmd_set(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args
        setBuiltin(inv, &s.env)
        return a.isEmpty ? ShSource.environment : ShSource.none
    }

    mutating func cmd_shift(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if var pos = s.env.positional, pos.count > 1 {
            let n = min(Int(a.first?.text ?? "1") ?? 1, pos.count - 1)
            pos.removeSubrange(1..<(1 + n))
            s.env.positional = pos
        }
        return ShSource.none
    }

    mutating func cmd_alias(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        for f in a {
            let (k, v) = ShText.splitOption(f.text)
            if let v, !k.hasPrefix("-") { s.env.aliases[k] = v }
        }
        return ShSource.none
    }

    mutating func cmd_hash(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if let pk = a.firstIndex(where: { $0.text == "-p" }), pk + 2 < a.count {
            s.env.aliases[a[pk + 2].text] = ShText.quote(a[pk + 1].text)
        }
        return ShSource.none
    }

    mutating func cmd_read(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, name = s.inv.name, a = s.inv.args
        let p = name == "read" ? ShArgs(a, shortWithArg: ["p", "d", "n", "N", "t", "u", "a"]).parse()
            : ShArgs(a, shortWithArg: ["d", "n", "O", "s", "u", "C", "c"]).parse()
        var text: String? = nil
        switch inv.stdin {
        case .literal(let t), .decoded(_, text: let t?): text = t
        default: break
        }
        let taint = ShellAnalysis.strongest([inv.stdin])
        let arrays = p.allValues("-a") + (name == "read" ? [] : p.operands.prefix(1))
        let scalars = name == "read" ? p.operands : []
        if let text, !text.contains(ShMark.unknown) {
            for n in arrays {
                let lines = text.split(separator: "\n").map(String.init)
                s.env.vars[n] = .array(name == "read" ? ShText.words(lines.first ?? "") : lines)
            }
            let words = ShText.words(String(text.prefix { $0 != "\n" }))
            for (k, n) in scalars.enumerated() {
                s.env.vars[n] = .string(k == scalars.count - 1 ? words.dropFirst(k).joined(separator: " ") : (k < words.count ? words[k] : ""))
            }
        } else {
            for n in arrays + scalars { s.env.vars[n] = .string(ShMark.unknown) }
        }
        for n in arrays + scalars { s.env.taint[n] = taint }
        return ShSource.none
    }

    mutating func cmd_printf(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if let k = a.firstIndex(where: { $0.text == "-v" }), k + 2 < a.count {
            let f = joined(Array(a[(k + 2)...]))
            s.env.vars[a[k + 1].text] = .string(ShEval.printf(a[(k + 2)...].map(\.text)))
            s.env.taint[a[k + 1].text] = ShellAnalysis.strongest(f.sources)
            return ShSource.none
        }
        return nil
    }

    mutating func cmd_trap(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        if let first = a.first(where: { !$0.text.hasPrefix("-") }), !first.text.isEmpty, first.text != "-" {
            _ = runCode(first, .shell, &s, stdin: ShSource.none)
        }
        return ShSource.none
    }

    mutating func cmd_eval(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args, depth = s.depth
        guard !a.isEmpty else { return ShSource.none }
        var code = ShField(text: a.map(\.text).joined(separator: " "))
        code.sources = a.flatMap(\.sources)
        checkCodeOrigin(code, subject: inv.subject)
        if code.text.filter({ $0 != " " }).allSatisfy({ $0 == "\u{1}" }) {
            // `eval "$line"`: code whose text is unknown. From stdin that is a download or
            // the network, it runs that; from a variable nobody can see, a person should.
            ShellPacks.unknownCodeFromStdin(inv.stdin, subject: inv.subject, silentIfTainted: !code.sources.isEmpty, &self)
        }
        return analyzeScript(code.text, &s.env, depth + 1)
    }

    mutating func cmd_source(_ s: inout ShSite) -> ShSource? {
        let inv = s.inv, a = s.inv.args, depth = s.depth
        guard let file = a.first else { return ShSource.none }
        ShellPacks.fileSourced(file, &self)
        let saved = s.env.positional
        if a.count > 1 { s.env.positional = [file.text] + a.dropFirst().map(\.text) }
        let out = runScriptFile(file, .shell, positional: nil, stdin: inv.stdin, subject: inv.subject, &s.env, depth, inCurrentShell: true)
        s.env.positional = saved
        return out
    }

    mutating func cmd_exec(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a, shortWithArg: ["a"])
        if let k = p.commandIndex() { return runInner(&s, from: k) }
        return nil
    }

    mutating func cmd_command(_ s: inout ShSite) -> ShSource? {
        let a = s.inv.args
        let p = ShArgs(a).parse(stopAtOperand: true)
        if p.has("v") || p.has("V") { return .literal("/usr/bin/" + (p.operands.first ?? "") + "\n") }
        if let k = ShArgs(a).commandIndex() { return runInner(&s, from: k) }
        return nil
    }
}
