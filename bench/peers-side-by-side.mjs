#!/usr/bin/env node
// The harness's side-by-side (../shared/peers/side-by-side.mjs, copied beside it by scripts/peers)
// with a fourth target, interleaved in the same rounds: the app's largest DIF page
// ("app-dif", set up by bench/peers-before-dif.mjs), for issue 22 item 2's second page. Same
// rounds, same discarded warm-up, same JSON, with "app-dif" in `runs` and `summary`.
//   node side-by-side-app.mjs ROUNDS APP_URL SJS_URL CONTROL_URL > result.json
import { execFileSync } from "node:child_process";
const [rounds = "5", app, sjs, ctl] = process.argv.slice(2);
const DIF_FIELD = "#dif-engagement-grievance-evidence";
const targets = [
  { name: "app", args: [app, "main input[type=text]", "1", "--before", "app-before.mjs"] },
  { name: "app-dif", args: [new URL("officer", app).href, DIF_FIELD, "1", "--before", "app-before-dif.mjs", "--type", DIF_FIELD] },
  { name: "surveyjs", args: [sjs, '[data-name="referrerForename"] input', "1", "--type", '[data-name="referrerForename"] input'] },
  { name: "control", args: [ctl, "#forename", "1"] },
];
const runs = Object.fromEntries(targets.map((t) => [t.name, []]));
for (let r = 0; r <= Number(rounds); r++) {
  for (const t of targets) {
    const out = execFileSync("node", ["measure.mjs", ...t.args, "--warmup", "0", "--chars", "100"], { cwd: new URL(".", import.meta.url).pathname, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 26 });
    const run = JSON.parse(out).perRun[0];
    if (r > 0) runs[t.name].push(run);
    process.stderr.write(`round ${r}${r === 0 ? " (warm-up)" : ""} ${t.name}: tti ${run.timeToInteractiveMs} ms\n`);
  }
}
console.log(JSON.stringify({ date: new Date().toISOString(), rounds: Number(rounds), runs }, null, 2));
