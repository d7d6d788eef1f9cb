#!/usr/bin/env bash
# Install the Debian packages the portal needs, when this machine lets us (root and apt);
# otherwise say exactly which are missing and how to install them.
set -euo pipefail
# What installed packages provide counts too: a Node.js build that bundles npm provides "npm",
# and installing Debian's npm beside it would replace it.
provided=$(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' 2>/dev/null | grep '^ii' || true)
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || grep -qE "[ ,]$package( |,|\$)" <<<"$provided" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "These Debian packages are missing: ${missing[*]}"
  echo "Install them with: sudo apt-get install ${missing[*]}"
  echo "(The portal runs without them; PDFs, translations or browser tests may not.)"
fi
