#!/usr/bin/env bash
# Installs the system packages wow-guard builds against, only when they are missing.
# Debian/Ubuntu: apt-get (as root, or through sudo); macOS: Homebrew.
set -euo pipefail

apt_packages=(libpcre2-dev pkg-config git)
brew_packages=(pcre2 pkg-config)

have_all() {
  command -v pkg-config >/dev/null 2>&1 || return 1
  command -v git >/dev/null 2>&1 || return 1
  pkg-config --exists libpcre2-8 || return 1
}

if have_all; then exit 0; fi

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

have_all || { echo "install-deps: packages installed but libpcre2-8 is still not found by pkg-config" >&2; exit 1; }
