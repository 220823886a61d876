// The app's setup for the side-by-side harness in ../shared/peers (its measure.mjs --before;
// copied over the harness's own app-before.mjs by scripts/peers, which that harness's README
// says to adapt when the app's wording or flow changes). A partner who has set the passphrase
// and started a referral comes back to its "About you" page in the same tab, cache cold.
//
// Since issue 16 the key lives in open tabs' memory only, and since issue 20 the passphrase is
// asked for in place after "Start now": so the setup keeps a second tab of the toolkit open
// and unlocked (as a user with two tabs would have), and the measured page load gets the key
// from it. The harness measures only the page's own renderer.
const PASSPHRASE = "correct horse battery staple";

export default async function setup(page, base) {
  const at = (p) => new URL(p, base).href;
  await page.goto(at("/referral/start"));
  await page.getByRole("button", { name: "Start now" }).click();
  // The gate in place: first use sets the passphrase (and its confirmation).
  await page.locator("#passphrase").waitFor();
  await page.locator("#passphrase").fill(PASSPHRASE);
  if (await page.locator("#confirm").count()) await page.locator("#confirm").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("main h1", { hasText: "Are you making a Prevent referral?" }).waitFor();
  await page.getByLabel("Yes, I am making a referral", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("main h1", { hasText: "Is there an immediate risk of harm" }).waitFor();
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("main h1", { hasText: "About you" }).waitFor();
  // The second tab, kept unlocked: it holds the key for the measured load.
  const keeper = await page.context().newPage();
  await keeper.goto(at("/"));
  await keeper.locator("#lock-now").waitFor();
  // The measured tab in front again: a tab behind another gets no frames and 1 Hz timers in
  // headless Chromium (a first try without this measured every keystroke at about 500 ms).
  await page.bringToFront();
  return page.url();
}
