#!/usr/bin/env bash
# Installs the system packages the build and tests need, when they are missing.
# Safe to run again; does nothing when everything is there. Needs root (or sudo) only to install.
set -euo pipefail

needed=()
command -v git >/dev/null 2>&1 || needed+=(git)
# sshd for the git-over-SSH tests (run as the current user on a loopback port)
[ -x /usr/sbin/sshd ] || needed+=(openssh-server)
# kill(1) for the signal tests that stop the built programs (Support/ChildProgram.cs)
[ -x /usr/bin/kill ] || [ -x /bin/kill ] || needed+=(procps)
# script(1) gives the CLI a pseudo-terminal in Cli/TerminalOutputTests (colour on a terminal, NO_COLOR, pipes)
command -v script >/dev/null 2>&1 || needed+=(bsdutils)
# headless Chromium for the status page's browser tests (test/NomadGitOps.Tests/Server/StatusPage), with a font
[ -x /usr/bin/chromium ] || needed+=(chromium fonts-dejavu-core)

if [ ${#needed[@]} -gt 0 ]; then
  echo "setup: installing ${needed[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || {
  echo "setup: the .NET SDK 10 is needed (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
}
