# Shared environment for scripts/*: source it, do not run it.
# shellcheck disable=SC2034  # variables used by the scripts that source this file
# Puts cargo-installed tools (trunk, wasm-bindgen) and npm tools (wasm-opt
# from binaryen) on PATH, and fixes the versions this project builds with.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

TRUNK_VERSION="0.21.14"
# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Browser tests: chromedriver drives headless Chromium; every run leaves
# ~23 MB of profile in $TMPDIR, so keep that inside target/.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

if [ -t 1 ]; then _B=$'\033[1;34m' _R=$'\033[1;31m' _N=$'\033[0m'; else _B='' _R='' _N=''; fi
say()  { printf '%s==>%s %s\n' "$_B" "$_N" "$*"; }
ok()   { printf '    %s\n' "$*"; }
die()  { printf '%sERROR:%s %s\n' "$_R" "$_N" "$*" >&2; exit 1; }
