/// Commands as data: shells, interpreters and simple wrappers (`nohup CMD`, `timeout 5 CMD`,
/// `nice -n 10 CMD` …). A wrapper's spec says which of its options take a value and how many
/// operands come before the command it runs; the fallback handler (`cmd_specialFallback`) uses it.
struct WrapperSpec: Sendable {
    /// Short options that take a value (`-n 10`).
    let shortWithArg: Set<Character>
    /// Long options that take a value (`--signal KILL`).
    let longWithArg: Set<String>
    /// Operands before the command (`timeout DURATION CMD`: 1).
    let operandsBefore: Int

    init(_ shortWithArg: Set<Character>, _ longWithArg: Set<String>, _ operandsBefore: Int) {
        self.shortWithArg = shortWithArg
        self.longWithArg = longWithArg
        self.operandsBefore = operandsBefore
    }

    /// Wrappers that run the command as another (usually privileged) user.
    static let privileged: Set<String> = ["pkexec", "doas", "run0"]
    /// Wrappers that take `NAME=value` assignments before the command.
    static let takesAssignments: Set<String> = ["cross-env"]
    /// Wrappers that act on a running process with `-p PID` instead of running a command.
    static let pidMode: Set<String> = ["taskset", "chrt"]
}

extension ShellAnalysis {
    /// Interpreters by command name (`python3.12` and `pypy3` resolve to `python`, see `canonical`).
    static let interpreterLangs: [String: ShLang] = [
        "python": .python, "node": .node, "bun": .node, "deno": .node, "ruby": .ruby, "perl": .perl, "php": .php,
        "lua": .lua, "pwsh": .powershell, "osascript": .applescript, "awk": .awk, "rscript": .r,
        "iex": .powershell, "invoke-expression": .powershell,
    ]

    /// Wrappers whose own options are skipped to find the command they run.
    static let simpleWrappers: [String: WrapperSpec] = [
        "nohup": WrapperSpec([], [], 0), "builtin": WrapperSpec([], [], 0), "setsid": WrapperSpec([], [], 0), "unbuffer": WrapperSpec([], [], 0),
        "eatmydata": WrapperSpec([], [], 0), "catchsegv": WrapperSpec([], [], 0), "chronic": WrapperSpec([], [], 0), "dbus-launch": WrapperSpec([], [], 0),
        "time": WrapperSpec(["f", "o"], ["--format", "--output"], 0),
        "nice": WrapperSpec(["n"], ["--adjustment"], 0),
        "timeout": WrapperSpec(["s", "k"], ["--signal", "--kill-after"], 1),
        "gtimeout": WrapperSpec(["s", "k"], ["--signal", "--kill-after"], 1),
        "stdbuf": WrapperSpec(["i", "o", "e"], ["--input", "--output", "--error"], 0),
        "ionice": WrapperSpec(["c", "n", "u"], ["--class", "--classdata", "--uid"], 0),
        "chroot": WrapperSpec([], ["--userspec", "--groups"], 1),
        "taskset": WrapperSpec([], [], 1),
        "chrt": WrapperSpec([], [], 1),
        "numactl": WrapperSpec(["C", "N", "m", "i", "p", "P"], [], 0),
        "nsenter": WrapperSpec(["t", "S", "G", "r", "w"], [], 0),
        "unshare": WrapperSpec(["S", "G", "R", "w"], [], 0),
        "strace": WrapperSpec(["o", "e", "p", "s", "u", "E", "I", "b", "O", "S", "X", "a", "P"], [], 0),
        "ltrace": WrapperSpec(["o", "e", "p", "s", "u", "a", "n", "l", "L", "x", "F", "A"], [], 0),
        "valgrind": WrapperSpec([], [], 0), "firejail": WrapperSpec([], [], 0), "fakeroot": WrapperSpec(["l", "s", "i"], [], 0),
        "caffeinate": WrapperSpec(["t", "w"], [], 0), "torsocks": WrapperSpec(["u", "p", "a", "P"], [], 0),
        "proxychains": WrapperSpec(["f"], [], 0), "proxychains4": WrapperSpec(["f"], [], 0),
        "xvfb-run": WrapperSpec(["n", "s", "f", "e", "w", "p"], ["--server-num", "--server-args", "--auth-file", "--error-file", "--wait"], 0),
        "pkexec": WrapperSpec([], ["--user"], 0), "doas": WrapperSpec(["u", "C"], [], 0), "sshpass": WrapperSpec(["p", "f", "d", "P"], [], 0),
        "systemd-run": WrapperSpec(["p", "E", "u", "M", "H"], ["--unit", "--property", "--setenv", "--uid", "--gid", "--slice", "--description", "--working-directory"], 0),
        "faketime": WrapperSpec(["f"], [], 1), "runuser": WrapperSpec(["u", "g", "G"], ["--user", "--group"], 0),
        "busybox": WrapperSpec([], [], 0), "toybox": WrapperSpec([], [], 0), "screen": WrapperSpec(["S", "c", "e", "h", "L", "p", "s", "T", "X"], [], 0),
        "uvx": WrapperSpec([], ["--from", "--with", "--python", "--index-url", "--with-requirements"], 0),
        "bunx": WrapperSpec(["p"], ["--package"], 0), "pnpx": WrapperSpec(["p"], ["--package"], 0),
        "cross-env": WrapperSpec([], [], 0), "dotenv": WrapperSpec(["e", "c", "v"], [], 0), "env-cmd": WrapperSpec(["f", "e"], ["--file", "--environments"], 0),
        "command-not-found": WrapperSpec([], [], 0),
        "perf": WrapperSpec(["o", "e", "p", "t", "c", "F", "g", "r", "C", "G", "x", "I", "m"], ["--output", "--event", "--pid", "--tid", "--repeat", "--cpu"], 1),
        "run0": WrapperSpec(["u", "g", "D"], ["--user", "--group", "--chdir", "--unit", "--property", "--setenv", "--description", "--slice"], 0),
        "flatpak-spawn": WrapperSpec([], ["--directory", "--env", "--forward-fd"], 0),
        "distrobox-enter": WrapperSpec(["n", "e"], ["--name", "--additional-flags"], 0),
        "toolbox": WrapperSpec(["c", "r", "d"], ["--container", "--release", "--distro"], 1),
        "systemd-inhibit": WrapperSpec([], ["--what", "--who", "--why", "--mode"], 0),
    ]
}
