/* Brand fit: creators ranked for a brand's brief, each with the reasons for its score.
   The rules are in docs/roster.md; tests/fit_cases.json pins them down, run against this module
   and against a Python oracle (tests/test_fit.py). Cards are read as kits.json publishes them,
   so only what the rate visibility shows can count. No DOM here: node runs it as it is. */

const WEIGHTS = Object.freeze({ platforms: 25, budget: 25, niche: 20, countries: 20, age: 15, values: 15 });
const GENERIC_WORDS = "a an and any all are brands companies company for in no not of on or " +
  "products services that the to with which who use using";

/* Runs of letters and digits, lower-cased; "brands" and "brand" are one word. */
export function words(text) {
  const found = String(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  return found.map((w) => (Array.from(w).length > 3 && w.endsWith("s") ? w.slice(0, -1) : w));
}

/* Words of a dealbreaker that say nothing about the category. */
const GENERIC = new Set(words(GENERIC_WORDS));

const has = (object, key) => object != null && Object.prototype.hasOwnProperty.call(object, key);
const percent = (value) => Math.floor(value + 0.5) + "%";

function listOf(brief, key) {
  const value = brief[key];
  return Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined && v !== "") : [];
}

function dealbreaker(card, category) {
  const brand = new Set(words(category));
  if (!brand.size) { return null; }
  for (const text of card.dealbreakers || []) {
    const keys = words(text).filter((w) => !GENERIC.has(w));
    if (keys.length && keys.every((k) => brand.has(k))) { return String(text); }
  }
  return null;
}

/* ``amount`` of currency ``from`` in currency ``to``, by the site's exchange rates
   ({base, rates: {code: units per base}}); null when either currency has no rate. Without
   rates only like currencies compare. */
export function convert(amount, from, to, exchange) {
  if (from === to) { return amount; }
  if (!exchange || !exchange.rates || !from || !to) { return null; }
  const per = (code) => (code === exchange.base ? 1 : Object.prototype.hasOwnProperty.call(exchange.rates, code) ? Number(exchange.rates[code]) : NaN);
  const value = (amount / per(from)) * per(to);
  return isFinite(value) ? value : null;
}

/* The name of the dearest visible price at or under the budget, in the brief's currency
   (converted by the brief's exchange rates when it gives them). */
function withinBudget(card, budget, currency, exchange) {
  const rates = card.rates || {};
  const priced = currency ? rates.currency : null;
  if (currency && convert(1, priced, currency, exchange) === null) { return null; }
  let best = null;
  for (const line of (rates.items || []).concat(rates.packages || [])) {
    const amount = typeof line.min === "number" && currency ? convert(line.min, priced, currency, exchange) : line.min;
    if (typeof amount === "number" && amount <= budget && (best === null || amount > best[0])) {
      best = [amount, String(line.name)];
    }
  }
  return best ? best[1] : null;
}

function shareIn(shares, keys) {
  let share = 0;
  const named = [];
  for (const key of keys) {
    if (has(shares, key)) { share += Number(shares[key]); named.push(String(key)); }
  }
  return [Math.min(share, 100), named];
}

/* A reason in English, the catalogs' source; the page passes its own language's (main.js). */
function english(msgid, values) {
  return msgid.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/* One creator's fit: {slug, score, reasons, excluded}, excluded naming the dealbreaker hit. */
function score(card, brief, say) {
  const slug = String(card.slug || "");
  const category = brief.category;
  if (typeof category === "string" && category.trim()) {
    const hit = dealbreaker(card, category);
    if (hit !== null) { return { slug, score: 0, reasons: [], excluded: say("won't promote: %(what)s", { what: hit }) }; }
  }
  let earned = 0;
  let possible = 0;
  const reasons = [];

  const platforms = listOf(brief, "platforms");
  if (platforms.length) {
    possible += WEIGHTS.platforms;
    const theirs = new Map((card.platforms || []).map((p) => [String(p.network), String(p.label)]));
    const matched = platforms.filter((p) => theirs.has(p)).map((p) => theirs.get(p));
    earned += WEIGHTS.platforms * matched.length / platforms.length;
    if (matched.length) { reasons.push(say("on %(platforms)s", { platforms: matched.join(", ") })); }
  }

  const budget = brief.budget;
  if (typeof budget === "number" && isFinite(budget)) {
    possible += WEIGHTS.budget;
    const within = withinBudget(card, budget, brief.currency, brief.exchange_rates);
    if (within !== null) { earned += WEIGHTS.budget; reasons.push(say("%(item)s within budget", { item: within })); }
  }

  const niche = listOf(brief, "niche").flatMap((text) => words(String(text)));
  if (niche.length) {
    possible += WEIGHTS.niche;
    const about = [String(card.niche || "")].concat((card.tags || []).map(String), [String(card.tagline || "")]).join(" ");
    const theirWords = new Set(words(about));
    const found = niche.filter((w) => theirWords.has(w));
    earned += WEIGHTS.niche * found.length / niche.length;
    if (found.length) { reasons.push(say("niche: %(words)s", { words: found.join(", ") })); }
  }

  const audience = card.audience || {};
  const countries = listOf(brief, "countries");
  if (countries.length) {
    possible += WEIGHTS.countries;
    const [share, named] = shareIn(audience.countries || {}, countries);
    earned += WEIGHTS.countries * share / 100;
    if (share > 0) { reasons.push(say("%(share)s of audience in %(countries)s", { share: percent(share), countries: named.join(", ") })); }
  }

  const bands = listOf(brief, "age");
  if (bands.length) {
    possible += WEIGHTS.age;
    const [share, named] = shareIn(audience.age || {}, bands);
    earned += WEIGHTS.age * share / 100;
    if (share > 0) { reasons.push(say("%(share)s of audience aged %(ages)s", { share: percent(share), ages: named.join(", ") })); }
  }

  const values = listOf(brief, "values").map((v) => String(v).trim()).filter(Boolean);
  if (values.length) {
    possible += WEIGHTS.values;
    const held = new Map((card.values || []).map((v) => [String(v).trim().toLowerCase(), String(v)]));
    const shared = values.filter((v) => held.has(v.toLowerCase())).map((v) => held.get(v.toLowerCase()));
    earned += WEIGHTS.values * shared.length / values.length;
    if (shared.length) { reasons.push(say("values: %(values)s", { values: shared.join(", ") })); }
  }

  const points = possible ? Math.floor(100 * earned / possible + 0.5) : 0;
  return { slug, score: points, reasons, excluded: null };
}

/* Every card's fit, best first; ties keep the cards' order and the excluded come last. The
   reasons are worded by say(msgid, values), English unless the page gives its own. */
export function rank(cards, brief, say = english) {
  const fits = cards.map((card) => score(card, brief, say));
  const kept = fits.filter((f) => f.excluded === null);
  kept.sort((a, b) => b.score - a.score);
  return kept.concat(fits.filter((f) => f.excluded !== null));
}
