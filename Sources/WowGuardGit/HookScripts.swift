/// The git hook script; `hooks/pre-commit` in the repository is the same text (a test keeps them equal).
public enum HookScripts {
    public static let marker = "wow-guard pre-commit hook"
    public static let binPlaceholder = "@WOW_GUARD_BIN@"
    public static let preCommit = #"""
#!/bin/sh
# wow-guard pre-commit hook (installed by `wow-guard install --git`; removed by `wow-guard uninstall --git`).
# Blocks commits whose staged changes add credentials. A hook that was here before is kept as
# pre-commit.wow-guard-previous and runs after wow-guard passes.
wow_guard="@WOW_GUARD_BIN@"
[ -x "$wow_guard" ] || wow_guard="$(command -v wow-guard 2>/dev/null)"
if [ -z "$wow_guard" ]; then
  echo "wow-guard: the wow-guard binary was not found; the commit is blocked." >&2
  echo "Install it (or reinstall the hook with \`wow-guard install --git\`), or bypass consciously: git commit --no-verify" >&2
  exit 2
fi
"$wow_guard" pre-commit || exit $?
previous="$(dirname "$0")/pre-commit.wow-guard-previous"
if [ -x "$previous" ]; then
  exec "$previous" "$@"
fi
exit 0

"""#
}
