/* Which creators match the filters, how many each other choice would match, and the orders
   the roster sorts by. The kits are kept as columns (typed arrays where they can be), and each
   creator gets a mask of the filters it fails, so a roster of 10,000 filters in milliseconds. */

import { convert } from "./fit.js";
import { numberOf } from "./state.js";

export const TIERS = ["nano", "micro", "mid", "macro", "mega"];
const BIT = { q: 1, platform: 2, tier: 4, followers: 8, er: 16, country: 32, language: 64,
  values: 128, offers: 256, available: 512, budget: 1024, only: 2048 };
const SORTS = ["followers", "engagement", "fresh", "price"];

function today() {
  const d = new Date();
  return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
}

/* A bit for each distinct key, in order of appearance. */
function bitOf(map, key) {
  if (!map.has(key)) { map.set(key, map.size); }
  return 1 << map.get(key);
}

/* A short list of words per creator (its audience countries, languages, values) as small
   numbers in one typed array: membership and counting touch no strings and make no garbage,
   which keeps a filter change at 10,000 creators within a frame. */
class Lists {
  /* plain: what data() gave (made in the worker), or nothing to start a new one. */
  constructor(plain = null) {
    this.words = plain ? plain.words : [];
    this.ids = new Map(this.words.map((w, id) => [w, id]));
    this.starts = plain ? plain.starts : [0];
    this.items = plain ? plain.items : [];
  }

  add(words) {
    for (const word of words) {
      if (!this.ids.has(word)) { this.ids.set(word, this.ids.size); this.words.push(word); }
      this.items.push(this.ids.get(word));
    }
    this.starts.push(this.items.length);
  }

  /* The lists as plain data, their numbers in typed arrays (to transfer to the page). */
  data() {
    return { words: this.words, starts: Int32Array.from(this.starts), items: Int32Array.from(this.items) };
  }

  get size() { return this.ids.size; }

  /* The number of a word, -1 for one no creator has. */
  id(word) { return this.ids.has(word) ? this.ids.get(word) : -1; }

  has(i, id) {
    const items = this.items;
    for (let j = this.starts[i], end = this.starts[i + 1]; j < end; j++) { if (items[j] === id) { return true; } }
    return false;
  }

  /* Adds one to counts[id] for each of creator i's words. */
  tally(i, counts) {
    const items = this.items;
    for (let j = this.starts[i], end = this.starts[i + 1]; j < end; j++) { counts[items[j]]++; }
  }
}

const LISTS = ["countries", "langs", "vals"];
const TYPED = ["netMask", "offerMask", "tier", "total", "er", "available", "lowest", "textStarts", "currencyOf", "fresh"];

/* The columns the filters read, made from the index's kits: plain data (typed arrays, Maps,
   arrays of strings) that the index worker (index-worker.js) makes off the page's thread and
   hands over, the typed arrays transferred rather than copied. */
export function columnsOf(kits) {
  const n = kits.length;
  const now = today();
  const c = {
    n, nets: new Map(), offerBits: new Map(), textStarts: new Int32Array(n + 1),
    netMask: new Int32Array(n), offerMask: new Int32Array(n), tier: new Int8Array(n),
    total: new Float64Array(n), er: new Float64Array(n), available: new Uint8Array(n),
    lowest: new Float64Array(n), currencyOf: new Uint8Array(n), currencies: [""], fresh: new Int32Array(n)
  };
  const texts = new Array(n);
  const currencies = new Map([["", 0]]);
  let at = 0;
  const lists = { countries: new Lists(), langs: new Lists(), vals: new Lists() };
  for (let i = 0; i < n; i++) {
    const k = kits[i];
    texts[i] = [k.name, k.niche, (k.tags || []).join(" "), k.tagline || "", k.location || ""].join("\n").toLowerCase();
    c.textStarts[i] = at;
    at += texts[i].length + 1;
    let m = 0;
    (k.platforms || []).forEach((p) => { m |= bitOf(c.nets, p.network); });
    c.netMask[i] = m;
    m = 0;
    (k.offers || []).forEach((o) => { m |= bitOf(c.offerBits, o); });
    c.offerMask[i] = m;
    c.tier[i] = TIERS.indexOf(k.tier);
    c.total[i] = k.total_followers || 0;
    c.er[i] = typeof k.engagement === "number" ? k.engagement : -1;
    lists.countries.add(Object.keys((k.audience || {}).countries || {}));
    lists.langs.add((k.languages || []).map((t) => t.split("-")[0].toLowerCase()));
    lists.vals.add((k.values || []).map((v) => String(v).trim().toLowerCase()));
    const booked = k.availability && k.availability.booked_until;
    c.available[i] = !booked || booked < now ? 1 : 0;
    const rates = k.rates || {};
    c.lowest[i] = typeof rates.lowest === "number" ? rates.lowest : NaN;
    const code = rates.currency || "";
    if (!currencies.has(code)) { currencies.set(code, c.currencies.length); c.currencies.push(code); }
    c.currencyOf[i] = currencies.get(code);
    c.fresh[i] = Number(String(k.stats_as_of || "0").replace(/-/g, "")) || 0;
  }
  c.textStarts[n] = at;
  // One string for the search, each creator's text after the one before, a newline between:
  // one string crosses from the worker at no cost, 10,000 would cost the page a long task.
  c.text = texts.join("\n");
  LISTS.forEach((name) => { c[name] = lists[name].data(); });
  return c;
}

/* The buffers of columns (and of any orders made from them) that postMessage can transfer. */
export function transferables(columns, orders = {}) {
  return TYPED.map((name) => columns[name].buffer)
    .concat(LISTS.flatMap((name) => [columns[name].starts.buffer, columns[name].items.buffer]))
    .concat(Object.values(orders).map((order) => order.buffer));
}

export class Filters {
  /* columns: columnsOf(kits), here or from the worker; exchange: the feed's exchange_rates
     ({date, base, rates}), or null: like currencies only; orders: sort orders made before;
     slugs: each kit's slug (the shortlist's view filters by them). */
  constructor(columns, exchange = null, orders = {}, slugs = []) {
    Object.assign(this, columns);
    this.slug = slugs;
    LISTS.forEach((name) => { this[name] = new Lists(columns[name]); });
    this.exchange = exchange;
    this.mask = new Int32Array(this.n);
    this.orders = Object.assign({}, orders);
  }

  /* Sort orders cost a moment at 10,000 creators: made while the page is idle, before asked. */
  warm(currency) {
    SORTS.forEach((sort) => this.order(sort, currency));
  }

  /* Sets each creator's mask: the filters of state it fails, none when it matches. */
  match(state) {
    const s = state;
    const n = this.n;
    const tokens = s.q ? s.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    const platform = s.platform ? (this.nets.has(s.platform) ? 1 << this.nets.get(s.platform) : 0) : -1;
    const tier = s.tier ? TIERS.indexOf(s.tier) : -2;
    const minF = numberOf(s.min_followers);
    const maxF = numberOf(s.max_followers);
    const minEr = numberOf(s.min_er);
    const country = s.country ? this.countries.id(s.country) : null; // -1: no one has it
    const language = s.language ? this.langs.id(s.language.split("-")[0].toLowerCase()) : null;
    const values = s.values.map((v) => this.vals.id(v));
    let offerMask = 0;
    s.offers.forEach((o) => { offerMask |= this.offerBits.has(o) ? 1 << this.offerBits.get(o) : 1 << 30; });
    const budget = numberOf(s.budget);
    const only = s.view === "shortlist" ? new Set(s.shortlist) : null;
    const { mask, netMask, tier: tiers, total, er, countries, langs, vals, available, lowest, currencyOf, currencies, slug } = this;
    const found = tokens.length ? this.search(tokens) : null;
    const offers = this.offerMask;
    for (let i = 0; i < n; i++) {
      let m = 0;
      if (found && !found[i]) { m |= BIT.q; }
      if (platform !== -1 && !(netMask[i] & platform)) { m |= BIT.platform; }
      if (tier !== -2 && tiers[i] !== tier) { m |= BIT.tier; }
      if ((minF !== null && total[i] < minF) || (maxF !== null && total[i] > maxF)) { m |= BIT.followers; }
      if (minEr !== null && er[i] < minEr) { m |= BIT.er; }
      if (country !== null && !countries.has(i, country)) { m |= BIT.country; }
      if (language !== null && !langs.has(i, language)) { m |= BIT.language; }
      for (let j = 0; j < values.length; j++) { if (!vals.has(i, values[j])) { m |= BIT.values; break; } }
      if ((offers[i] & offerMask) !== offerMask) { m |= BIT.offers; }
      if (s.available && !available[i]) { m |= BIT.available; }
      if (budget !== null) {
        const price = convert(lowest[i], currencies[currencyOf[i]], s.currency, this.exchange);
        if (!(price !== null && price <= budget)) { m |= BIT.budget; }
      }
      if (only && !only.has(slug[i])) { m |= BIT.only; }
      mask[i] = m;
    }
  }

  /* found[i] is 1 when creator i's text holds every token: each token is looked for in the one
     string of all texts, a hit skipping to the next creator. */
  search(tokens) {
    const { n, text, textStarts } = this;
    let found = null;
    for (const token of tokens) {
      const hits = new Uint8Array(n);
      let i = 0;
      let at = text.indexOf(token);
      while (at !== -1) {
        while (textStarts[i + 1] <= at) { i++; }
        if (!found || found[i]) { hits[i] = 1; }
        at = text.indexOf(token, textStarts[i + 1]);
      }
      found = hits;
    }
    return found;
  }

  /* The matching creators in order (indexes into the kits). */
  matching(order) {
    const mask = this.mask;
    const found = [];
    for (let i = 0; i < order.length; i++) { if (mask[order[i]] === 0) { found.push(order[i]); } }
    return found;
  }

  isMatch(i) { return this.mask[i] === 0; }

  /* For each filter, count[filter](choice): the creators that choice would match, the other
     filters as they are. Call after match. */
  counts() {
    const { n, mask, nets, offerBits, netMask, countries, langs, vals, available } = this;
    const tiers = this.tier;
    const offers = this.offerMask;
    const byNet = new Int32Array(nets.size);
    const byTier = new Int32Array(TIERS.length);
    const byCountry = new Int32Array(countries.size);
    const byLang = new Int32Array(langs.size);
    const byValue = new Int32Array(vals.size);
    const byOffer = new Int32Array(offerBits.size);
    const nNets = byNet.length;
    const nOffers = byOffer.length;
    const OTHERS = ~(BIT.platform | BIT.tier | BIT.country | BIT.language | BIT.available);
    let availableCount = 0;
    for (let i = 0; i < n; i++) {
      const m = mask[i];
      if (m & OTHERS) { continue; }
      if ((m & ~BIT.platform) === 0) { const bits = netMask[i]; for (let b = 0; b < nNets; b++) { if (bits & (1 << b)) { byNet[b]++; } } }
      if ((m & ~BIT.tier) === 0 && tiers[i] >= 0) { byTier[tiers[i]]++; }
      if ((m & ~BIT.country) === 0) { countries.tally(i, byCountry); }
      if ((m & ~BIT.language) === 0) { langs.tally(i, byLang); }
      if ((m & ~BIT.available) === 0 && available[i]) { availableCount++; }
      if (m === 0) {
        vals.tally(i, byValue);
        const bits = offers[i];
        for (let b = 0; b < nOffers; b++) { if (bits & (1 << b)) { byOffer[b]++; } }
      }
    }
    const of = (lists, counted) => (v) => { const id = lists.id(v); return id === -1 ? 0 : counted[id]; };
    return {
      platform: (v) => (nets.has(v) ? byNet[nets.get(v)] : 0),
      tier: (v) => byTier[TIERS.indexOf(v)] || 0,
      country: of(countries, byCountry),
      language: of(langs, byLang),
      values: of(vals, byValue),
      offers: (v) => (offerBits.has(v) ? byOffer[offerBits.get(v)] : 0),
      available: () => availableCount
    };
  }

  /* Every creator's index in the order of sort ("name" is the feed's own order); prices
     in currency (or converted to it) first, then other currencies, then hidden prices. */
  order(sort, currency) {
    const key = sort === "price" ? "price:" + currency : sort;
    if (this.orders[key]) { return this.orders[key]; }
    const n = this.n;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) { idx[i] = i; }
    const { total, er, fresh, lowest } = this;
    let compare = null;
    if (sort === "followers") { compare = (a, b) => total[b] - total[a] || a - b; }
    if (sort === "engagement") { compare = (a, b) => er[b] - er[a] || a - b; }
    if (sort === "fresh") { compare = (a, b) => fresh[b] - fresh[a] || a - b; }
    if (sort === "price") {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const price = isNaN(lowest[i]) ? null : convert(lowest[i], this.currencies[this.currencyOf[i]], currency, this.exchange);
        keys[i] = isNaN(lowest[i]) ? Infinity : price !== null ? price : 1e15 + lowest[i];
      }
      compare = (a, b) => keys[a] - keys[b] || a - b;
    }
    if (compare) { idx.sort(compare); }
    this.orders[key] = idx;
    return idx;
  }
}
