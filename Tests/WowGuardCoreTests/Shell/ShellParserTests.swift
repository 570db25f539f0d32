import XCTest
@testable import WowGuardCore

final class ShellParserTests: XCTestCase {
    /// Simple commands in source order, each as its words (`?` for a word with expansions).
    func commands(_ text: String) -> [[String]] {
        var p = ShParser(text)
        let (items, error) = p.parseProgram()
        XCTAssertNil(error, "parse error: \(error?.message ?? "") in \(text.debugDescription)")
        var out: [[String]] = []
        func walkWord(_ w: ShWord) {
            for part in w.parts {
                switch part {
                case .command(let n, _), .process(let n, _): walk(n)
                default: break
                }
            }
        }
        func walk(_ n: ShNode) {
            switch n {
            case .simple(let c):
                for a in c.assignments { walkWord(a.value) }
                out.append(c.words.map { $0.plainText ?? "?" })
                for w in c.words { walkWord(w) }
            case .pipeline(let st): st.forEach(walk)
            case .list(let items): items.forEach { walk($0.node) }
            case .subshell(let b, _), .group(let b, _): walk(b)
            case .ifClause(let parts, _): parts.forEach(walk)
            case .loop(let c, let b, _, _): walk(c); walk(b)
            case .forLoop(_, _, let b, _): walk(b)
            case .caseClause(_, _, let bodies, _): bodies.forEach(walk)
            case .function(_, let b): walk(b)
            case .arith, .test: break
            }
        }
        items.forEach { walk($0.node) }
        return out
    }

    func parseError(_ text: String) -> ShParseError? {
        var p = ShParser(text)
        return p.parseProgram().error
    }

    func testQuotingAndConcatenation() {
        XCTAssertEqual(commands("echo 'a b' \"c d\" e\\ f"), [["echo", "a b", "c d", "e f"]])
        XCTAssertEqual(commands("r''m -rf /"), [["rm", "-rf", "/"]])
        XCTAssertEqual(commands("r\"\"m x"), [["rm", "x"]])
        XCTAssertEqual(commands("\\rm x"), [["rm", "x"]])
        XCTAssertEqual(commands("\"/bin/rm\" x"), [["/bin/rm", "x"]])
        XCTAssertEqual(commands("echo $'a\\tb\\x72\\162\\u00e9'"), [["echo", "a\tbrré"]])
        XCTAssertEqual(commands("echo \"it's\" 'say \"hi\"'"), [["echo", "it's", "say \"hi\""]])
        XCTAssertEqual(commands("echo \"a\\\"b\\$c\\\\d\""), [["echo", "a\"b$c\\d"]])
        XCTAssertEqual(commands("echo a\\\nb"), [["echo", "ab"]])
        XCTAssertEqual(commands("echo $X \"$Y\" ${Z:-d}"), [["echo", "?", "?", "?"]])
    }

    func testOperatorsAndComments() {
        XCTAssertEqual(commands("a; b && c || d | e |& f & g\nh"), [["a"], ["b"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"]])
        XCTAssertEqual(commands("echo hi # rm -rf /"), [["echo", "hi"]])
        XCTAssertEqual(commands("echo a#b"), [["echo", "a#b"]])
        XCTAssertEqual(commands("# only a comment"), [])
    }

    func testRedirections() {
        var p = ShParser("cmd 2>&1 >out.txt &>both >>app <in 3<>/dev/tcp/h/1 {fd}>x >|clob <<<word")
        let (items, err) = p.parseProgram()
        XCTAssertNil(err)
        guard case .simple(let c) = items.first?.node else { return XCTFail("not a simple command") }
        XCTAssertEqual(c.words.map { $0.plainText }, ["cmd"])
        XCTAssertEqual(c.redirects.map(\.op), [.dupOut, .output, .outputBoth, .append, .input, .readWrite, .output, .clobber, .hereString])
        XCTAssertEqual(c.redirects.map(\.fd), [2, nil, nil, nil, nil, 3, 10, nil, nil])
        XCTAssertEqual(c.redirects[5].target.plainText, "/dev/tcp/h/1")
    }

    func testHeredocs() {
        var p = ShParser("cat <<EOF | sh\nrm -rf $HOME\nEOF\necho after")
        let (items, err) = p.parseProgram()
        XCTAssertNil(err)
        XCTAssertEqual(items.count, 2)
        guard case .pipeline(let st) = items[0].node, case .simple(let cat) = st[0], let box = cat.redirects.first?.heredoc else {
            return XCTFail("expected cat <<EOF | sh")
        }
        XCTAssertEqual(box.raw, "rm -rf $HOME\n")
        XCTAssertFalse(box.quoted)
        XCTAssertTrue(box.word.parts.contains { if case .parameter = $0 { return true } else { return false } })

        var q = ShParser("cat <<'EOF'\n$(rm -rf /)\nEOF")
        let (qi, qe) = q.parseProgram()
        XCTAssertNil(qe)
        guard case .simple(let c2) = qi[0].node, let b2 = c2.redirects.first?.heredoc else { return XCTFail() }
        XCTAssertTrue(b2.quoted)
        XCTAssertEqual(b2.word.plainText, "$(rm -rf /)\n")

        var r = ShParser("cat <<-END\n\t\tindented\n\tEND\n")
        guard case .simple(let c3) = r.parseProgram().items[0].node else { return XCTFail() }
        XCTAssertEqual(c3.redirects[0].heredoc?.raw, "indented\n")

        // Two heredocs on one line, and one inside a command substitution.
        XCTAssertEqual(commands("cat <<A <<B\na\nA\nb\nB\necho z"), [["cat"], ["echo", "z"]])
        XCTAssertEqual(commands("x=$(cat <<EOF\nhello\nEOF\n)\necho $x"), [["cat"], [], ["echo", "?"]])
        XCTAssertNotNil(parseError("cat <<EOF\nno end"))
    }

    func testCompoundCommands() {
        XCTAssertEqual(commands("if a; then b; elif c; then d; else e; fi"), [["a"], ["b"], ["c"], ["d"], ["e"]])
        XCTAssertEqual(commands("for f in a b; do echo $f; done"), [["echo", "?"]])
        XCTAssertEqual(commands("for ((i=0;i<3;i++)); do x; done"), [["x"]])
        XCTAssertEqual(commands("while read l; do y; done < f"), [["read", "l"], ["y"]])
        XCTAssertEqual(commands("until false; do z; done"), [["false"], ["z"]])
        XCTAssertEqual(commands("case $x in a|b) one ;; (c) two ;& *) three ;; esac"), [["one"], ["two"], ["three"]])
        XCTAssertEqual(commands("( a; (b) ); { c; }"), [["a"], ["b"], ["c"]])
        XCTAssertEqual(commands("f() { g; }; function h { i; }; function j() ( k )"), [["g"], ["i"], ["k"]])
        XCTAssertEqual(commands(":(){ :|:& };:"), [[":"], [":"], [":"]])
        XCTAssertEqual(commands("[[ -f x && $y == \"z\" ]] && (( n > 1 )) && w"), [["w"]])
        XCTAssertEqual(commands("! a | b"), [["a"], ["b"]])
        XCTAssertEqual(commands("time -p make"), [["make"]])
    }

    func testSubstitutionsAndNesting() {
        XCTAssertEqual(commands("echo $(a $(b) `c`)"), [["echo", "?"], ["a", "?", "?"], ["b"], ["c"]])
        XCTAssertEqual(commands("echo `echo \\`inner\\``"), [["echo", "?"], ["echo", "?"], ["inner"]])
        XCTAssertEqual(commands("diff <(sort a) >(tee b)"), [["diff", "?", "?"], ["sort", "a"], ["tee", "b"]])
        XCTAssertEqual(commands("echo $((1 + $(n)))"), [["echo", "?"]])
        XCTAssertEqual(commands("X=1 Y=$(z) cmd arg"), [["z"], ["cmd", "arg"]])
        XCTAssertEqual(commands("arr=(a b c); local z=(1 2)"), [[], ["local", "z=(1 2)"]])
        XCTAssertEqual(commands("echo ${x:-$(y)} ${#z} ${a/b/c}"), [["echo", "?", "?", "?"]])
        XCTAssertEqual(commands("rm !(keep) @(a|b)"), [["rm", "?", "?"]])
    }

    func testErrors() {
        XCTAssertEqual(parseError("echo 'unterminated")?.kind, .syntax)
        XCTAssertEqual(parseError("echo \"unterminated")?.kind, .syntax)
        XCTAssertEqual(parseError("echo $(ls")?.kind, .syntax)
        XCTAssertEqual(parseError("echo `ls")?.kind, .syntax)
        XCTAssertEqual(parseError("(a; b")?.kind, .syntax)
        XCTAssertEqual(parseError("a )")?.kind, .syntax)
        XCTAssertEqual(parseError("if a; then b")?.kind, .syntax)
        XCTAssertEqual(parseError("fi")?.kind, .syntax)
        XCTAssertEqual(parseError("echo ${")?.kind, .syntax)
        XCTAssertEqual(parseError(String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200))?.kind, .tooDeep)
        XCTAssertEqual(parseError(String(repeating: "$(", count: 200) + String(repeating: ")", count: 200))?.kind, .tooDeep)
        XCTAssertEqual(parseError(String(repeating: "a ", count: ShParser.maxWords + 5))?.kind, .tooLarge)
        // Partial results: the commands before the error.
        var p = ShParser("rm -rf /tmp/x\necho 'open")
        let (items, err) = p.parseProgram()
        XCTAssertNotNil(err)
        XCTAssertEqual(items.count, 1)
    }

    func testExpansionThroughAnalyzer() {
        let ctx = ShellContext(projectDir: "/p", homeDir: "/h", cwd: "/p")
        func decision(_ s: String) -> Decision { ShellAnalyzer.analyze(s, context: ctx).decision }
        XCTAssertEqual(decision("X=rm; $X -rf /"), .deny)
        XCTAssertEqual(decision("{rm,-rf,/}"), .deny)
        XCTAssertEqual(decision("rm${IFS}-rf${IFS}/"), .deny)
        XCTAssertEqual(decision("X=abc; rm -rf ${X%c}"), .allow)
        XCTAssertEqual(decision("X=/etcx; rm -rf ${X%x}"), .deny)
        XCTAssertEqual(decision("X=/usr/lib; rm -rf ${X#/usr}"), .deny)
        XCTAssertEqual(decision("X=Hello; rm -rf /${X:0:0}"), .deny)
        XCTAssertEqual(decision("X=/tmp/y; rm -rf ${X/tmp/etc}"), .deny)  // /etc/y
        XCTAssertEqual(decision("X=/tmp/y/z; rm -rf ${X/tmp/usr}"), .ask)  // /usr/y/z: below the system top level
        XCTAssertEqual(decision("X=/etc; Y=X; rm -rf ${!Y}"), .deny)
        XCTAssertEqual(decision("unset X; rm -rf \"${X:-/}\""), .deny)
    }
}

final class ShellContextTests: XCTestCase {
    func decision(_ cmd: String, _ ctx: ShellContext) -> Decision { ShellAnalyzer.analyze(cmd, context: ctx).decision }

    /// Dev containers and test sandboxes put the home directory inside the project.
    func testHomeInsideProject() {
        let ctx = ShellContext(projectDir: "/workspace", homeDir: "/workspace/home", cwd: "/workspace")
        XCTAssertEqual(decision("cat ~/.ssh/id_rsa", ctx), .deny)
        XCTAssertEqual(decision("cat ~/.aws/credentials", ctx), .deny)
        XCTAssertEqual(decision("rm -rf ~", ctx), .deny)
        XCTAssertEqual(decision("rm -rf ~/.ssh", ctx), .deny)
        XCTAssertEqual(decision("cat tests/fixtures/.ssh/id_rsa", ctx), .allow)
        XCTAssertEqual(decision("rm -rf build", ctx), .allow)
    }

    func testUnknownContext() {
        let ctx = ShellContext()
        XCTAssertEqual(decision("rm -rf build", ctx), .allow)
        XCTAssertEqual(decision("rm -rf ~", ctx), .deny)
        XCTAssertEqual(decision("rm -rf /", ctx), .deny)
        XCTAssertEqual(decision("rm -rf ../x", ctx), .ask)
        XCTAssertEqual(decision("cat ~/.ssh/id_rsa", ctx), .deny)
    }

    func testCwdOutsideProjectAndProjectAtRoot() {
        let elsewhere = ShellContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev")
        XCTAssertEqual(decision("rm -rf build", elsewhere), .ask)
        XCTAssertEqual(decision("rm -rf project/build", elsewhere), .allow)
        let rootProject = ShellContext(projectDir: "/", homeDir: "/root", cwd: "/")
        XCTAssertEqual(decision("rm -rf /etc", rootProject), .deny)
        XCTAssertEqual(decision("rm -rf *", rootProject), .deny)
        let homeProject = ShellContext(projectDir: "/home/dev", homeDir: "/home/dev", cwd: "/home/dev")
        XCTAssertEqual(decision("rm -rf *", homeProject), .deny)
        XCTAssertEqual(decision("rm -rf .ssh", homeProject), .deny)
        let macTemp = ShellContext(projectDir: "/Users/me/p", homeDir: "/Users/me", cwd: "/Users/me/p")
        XCTAssertEqual(decision("rm -rf /var/folders/ab/xyz/T/tmp.123", macTemp), .allow)
        XCTAssertEqual(decision("rm -rf /Users/me/Library", macTemp), .deny)
    }
}
