import WowGuardSystem

/// Terminal conventions: colours only on a terminal that can show them (`NO_COLOR`, `TERM=dumb`
/// and `--no-color` switch them off), progress only on a standard error that is a capable terminal.
enum Terminal {
    /// `TERM=dumb` (Emacs shells, some CI logs) cannot move the cursor or show colours.
    static var isDumb: Bool { Posix.env("TERM") == "dumb" }

    /// Whether output written to `fd` may carry ANSI colours.
    static func color(_ fd: Int32, disabled: Bool = false) -> Bool {
        !disabled && Posix.isTTY(fd) && Posix.env("NO_COLOR").map(\.isEmpty) != false && !isDumb
    }

    /// Whether a progress line (carriage returns, erase-line codes) may be drawn on standard error.
    /// Independent of standard output: `scan --format json > out.json` still shows progress.
    static var progress: Bool { Posix.isTTY(2) && !isDumb }
}
