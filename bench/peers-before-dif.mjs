// The officers' side of the side-by-side (scripts/peers, issue 22 item 2): the app's largest DIF
// page (the PGA's "Engagement with a group, cause or ideology", 13 factors and the side panel),
// loaded cold in a tab whose key another unlocked tab holds, as a CTCO coming back to it. The
// grievance factor is answered "present", so its evidence box (the field typed into) shows.
// Steps as in bench/run.js's DIF keystroke bench (e2e/lib/pga.js, the keyboard walk).
import { createRequire } from "node:module";
import path from "node:path";

const ROOT = process.env.PEERS_APP_ROOT;
const require = createRequire(path.join(ROOT, "e2e", "lib", "x.js"));
const pga = require("./pga");
const r = require("./referral");
const { passGate } = require("./vault");

export default async function setup(page, base) {
  const at = (p) => new URL(p, base).href;
  // The e2e steps go to paths; the harness's context has no base URL.
  const goto = page.goto.bind(page);
  page.goto = (p, o) => goto(at(p), o);
  // The vault set (the officers' gate), and a second tab kept unlocked, holding the key.
  await page.goto("/officer");
  await passGate(page);
  const keeper = await page.context().newPage();
  await keeper.goto(at("/officer"));
  await keeper.locator("#lock-now").waitFor();
  const s = pga.straightToPlp({ slug: "peers", reference: "PEERS-1", ncia: "NCIA/P/1", ctco: "Pat Peers", supervisor: "Sam Sergeant" });
  const id = await pga.startPga(page, { axe: false });
  await pga.fillCase(page, { ...s.case, received: ["2", "11", "2026"] });
  await r.pressContinue(page);
  await r.onPage(page, "FIMU de-confliction", { axe: false });
  await pga.fillDeconfliction(page, { ...s.deconfliction, date: ["30", "10", "2026"] });
  await r.pressContinue(page);
  await r.onPage(page, "Background checks", { axe: false });
  const dif = at(`/officer/pga/${id}/dif-engagement`);
  await page.goto(dif);
  await r.onPage(page, "Engagement with a group, cause or ideology", { axe: false });
  await page.locator("#dif-engagement-grievance-finding").focus();
  await page.keyboard.press("Space");
  await page.locator("#dif-engagement-grievance-evidence").waitFor();
  // The answer stored (the evidence box shows again on the measured load): saved in the first
  // idle moment after the next frame (issue 22, item 2).
  await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestIdleCallback(res))));
  await page.bringToFront();
  return dif;
}
