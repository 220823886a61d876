#!/usr/bin/env bash
# Keystroke to frame, two builds of the app side by side with the bare input (issue 22, item 2):
# the harness's measure.mjs (../shared/peers, copied to target/peers by `bash scripts/peers`,
# which must have run once) on the referral's "About you" and on the largest DIF page, of build A
# and build B in turn, then the bare input, ROUNDS times. Prints p50 and p95 of the paced phase
# (50 ms a key) per run. Figures, not pass/fail.
#   bash bench/keystroke-ab.sh DIST_A DIST_B        (ROUNDS=3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"
cd "$ROOT"
[ -f target/peers/measure.mjs ] || die "run bash scripts/peers once first (it sets up target/peers)"
A="$(cd "$1" && pwd)"; B="$(cd "$2" && pwd)"
export TMPDIR="$ROOT/target/tmp" PEERS_APP_ROOT="$ROOT"
mkdir -p "$TMPDIR"
cp bench/peers-before.mjs target/peers/app-before.mjs
cp bench/peers-before-dif.mjs target/peers/app-before-dif.mjs
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
pa="$(free_port)"; pb="$(free_port)"; pc="$(free_port)"
node e2e/lib/server.js --port "$pa" --root "$A" >/dev/null 2>&1 & p1=$!
node e2e/lib/server.js --port "$pb" --root "$B" >/dev/null 2>&1 & p2=$!
python3 -m http.server --bind 127.0.0.1 "$pc" --directory target/peers/control >/dev/null 2>&1 & p3=$!
trap 'kill $p1 $p2 $p3 2>/dev/null || true' EXIT
for port in "$pa" "$pb" "$pc"; do
  for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
show='let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const k=JSON.parse(s).perRun[0].keystroke.paced;console.log(process.argv[1].padEnd(24),"p50",String(k.nextFrameP50).padStart(6),"p95",String(k.nextFrameP95).padStart(6))})'
cd target/peers
for r in $(seq "${ROUNDS:-3}"); do
  for t in A B; do
    port=$([ "$t" = A ] && echo "$pa" || echo "$pb")
    node measure.mjs "http://127.0.0.1:$port/" "main input[type=text]" 1 --before app-before.mjs --warmup 0 --chars 100 2>/dev/null | node -e "$show" "$t referral"
    node measure.mjs "http://127.0.0.1:$port/officer" "#dif-engagement-grievance-evidence" 1 --before app-before-dif.mjs --type "#dif-engagement-grievance-evidence" --warmup 0 --chars 100 2>/dev/null | node -e "$show" "$t largest DIF page"
  done
  node measure.mjs "http://127.0.0.1:$pc/" "#forename" 1 --warmup 0 --chars 100 2>/dev/null | node -e "$show" "bare input"
done
