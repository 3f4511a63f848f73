/* Kitfolio roster: filters, sorting, live counts, compare, a shortlist and brand fit.
   Without JavaScript the page lists the first creators and links to the pages of the others.
   This reads the site's compact index (kits-index.json, in a worker: index.js) once the first
   screen is in (at once when the URL asks for a filtered view, or at the first touch of the
   roster), then only
   chooses which of the server-rendered cards to show, in which order, a page at a time; the
   state lives in the URL query. No framework, no tracking, no other host.
   Each module does one job; this one keeps the state and wires them together. */

import { Compare } from "./compare.js";
import { Controls } from "./controls.js";
import { downloadCSV } from "./csv.js";
import { loadIndex } from "./index.js";
import { Listing, PAGE } from "./listing.js";
import { Shortlist, toggled } from "./shortlist.js";
import { t } from "./messages.js";
import { AddressBar, MAX_COMPARE, briefOf, hasBrief, readState, stateQuery } from "./state.js";

/* A brand-fit reason in the page's language: its message (keyed by the English msgid) with the
   catalogs' %(name)s placeholders filled. */
function reason(msgid, values) {
  return t(msgid).replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

class Roster {
  /* index: what loadIndex() gave; numbers: the page's number format. begin() shows it. */
  constructor(root, index, numbers) {
    this.root = root;
    this.numbers = numbers;
    this.controls = new Controls(root);
    this.listing = new Listing(root, this.numbers, { arrived: () => this.render() });
    this.shortlist = new Shortlist(root);
    this.compare = new Compare(root);
    this.kits = index.cards;
    this.bySlug = new Map();
    for (let i = 0; i < this.kits.length; i++) { this.bySlug.set(this.kits[i].slug, i); }
    this.listing.adopt(this.kits, this.bySlug);
    this.exchange = index.exchange;
    this.filters = index.filters;
    this.ranker = index.rank;
    this.limit = PAGE;
    this.fitCache = { key: null, fits: null };
    this.pendingFit = false;
    this.timings = [];
    const currency = this.controls.defaultCurrency;
    this.state = readState(location.search, currency);
    // What a brand typed or chose while the index was on its way counts.
    if (!location.search) { this.controls.readFilters(this.state); }
    if (!this.state.shortlist.length && !new URLSearchParams(location.search).has("shortlist")) {
      this.state.shortlist = this.known(this.shortlist.load());
    }
    this.address = new AddressBar(() => stateQuery(this.state, currency));
    this.controls.write(this.state);
    this.listen(currency);
    this.controls.reveal();
  }

  /* The first view, in a task of its own (at 10,000 creators each part of the start stays short). */
  begin() {
    this.update();
    this.root.setAttribute("data-kf-ready", "true");
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
    idle(() => this.filters.warm(this.state.currency));
  }

  /* Whether the address bar is still to catch up with the page (it does so a moment later). */
  get pendingURL() { return this.address.pending || this.pendingFit; }

  known(slugs) { return slugs.filter((s) => this.bySlug.has(s)); }

  kitsOf(slugs) { return this.known(slugs).map((s) => this.kits[this.bySlug.get(s)]); }

  listen(currency) {
    const fromTop = () => { this.limit = PAGE; this.update(); };
    this.controls.listen(this.state, { filters: fromTop, brief: fromTop, cleared: () => this.update() });
    this.listing.listen({
      more: () => { this.limit += PAGE; this.render(); },
      star: (slug) => this.toggleShortlist(slug),
      pick: (slug, on) => this.togglePick(slug, on)
    });
    window.addEventListener("popstate", () => {
      Object.assign(this.state, readState(location.search, currency));
      this.controls.write(this.state);
      this.update();
    });
  }

  /* The brand-fit ranking of every kit, asked of the index worker again only when the brief
     changes (the page updates once it is in); null while it is on its way. */
  fits() {
    const brief = briefOf(this.state);
    if (this.exchange && brief.budget !== undefined) { brief.exchange_rates = this.exchange; }
    const key = JSON.stringify(brief);
    if (this.fitCache.key !== key) {
      this.fitCache = { key, fits: null };
      this.pendingFit = true;
      this.ranker(brief).then((fits) => {
        if (this.fitCache.key !== key) { return; }
        this.fitCache = { key, fits, bySlug: new Map(fits.map((f) => [f.slug, f])) };
        this.pendingFit = false;
        this.update();
      });
    }
    return this.fitCache.fits ? this.fitCache : null;
  }

  /* A creator's fit in the page's words (made when its card is first shown). */
  fitWords(slug) {
    const f = this.fitCache.bySlug.get(slug);
    if (f && !f.words) {
      const say = (said) => reason(said[0], said[1]);
      f.words = { score: f.score, reasons: f.reasons.map(say), excluded: f.excluded === null ? null : say(f.excluded) };
    }
    return f ? f.words : null;
  }

  rankingByFit() { return this.state.sort === "fit" && hasBrief(this.state); }

  update() {
    const started = performance.now();
    const s = this.state;
    const filters = this.filters;
    filters.match(s);
    const counts = filters.counts();
    this.results = [];
    this.excluded = [];
    const ranked = this.rankingByFit() ? this.fits() : null;
    if (ranked) {
      ranked.fits.forEach((f) => {
        const at = this.bySlug.get(f.slug);
        if (filters.isMatch(at)) { (f.excluded === null ? this.results : this.excluded).push(at); }
      });
    } else {
      this.results = filters.matching(filters.order(s.sort, s.currency));
    }
    this.render(); // first: it reads the layout as it stands (Listing.nearScreen)
    if (this.controls.form) { this.controls.showCounts(counts, this.numbers); }
    this.listing.showCount(this.results.length, this.excluded.length);
    this.showShortlist();
    this.showTray();
    this.address.schedule();
    const took = performance.now() - started;
    this.timings.push(took);
    this.lastUpdate = took;
    return took;
  }

  render() {
    const s = this.state;
    const ranked = this.rankingByFit() && this.fitCache.fits;
    const marks = { shortlist: s.shortlist, compare: s.compare, fit: ranked ? { get: (slug) => this.fitWords(slug) } : null };
    this.listing.render(this.results.concat(this.excluded), this.limit, marks);
  }

  toggleShortlist(slug) {
    const s = this.state;
    s.shortlist = toggled(s.shortlist, slug);
    if (!s.shortlist.length && s.view === "shortlist") { s.view = ""; }
    this.shortlist.save(s.shortlist);
    this.update();
  }

  showShortlist() {
    const s = this.state;
    const kits = this.kitsOf(s.shortlist);
    this.shortlist.show(kits, s.view === "shortlist", {
      only: () => {
        s.view = s.view === "shortlist" ? "" : "shortlist";
        this.limit = PAGE;
        this.update();
      },
      download: () => downloadCSV(kits)
    });
  }

  togglePick(slug, on) {
    const s = this.state;
    const picked = s.compare.includes(slug);
    if (on && !picked && s.compare.length < MAX_COMPARE) { s.compare = s.compare.concat([slug]); }
    if (!on && picked) { s.compare = s.compare.filter((p) => p !== slug); }
    this.picksChanged();
  }

  picksChanged() {
    this.render();
    this.showTray();
    this.address.schedule();
  }

  showTray() {
    this.compare.showTray(this.kitsOf(this.state.compare), {
      open: () => this.compare.open(this.kitsOf(this.state.compare)),
      clear: () => { this.state.compare = []; this.picksChanged(); }
    });
  }
}

/* The index is read in the worker meanwhile; the number format (ICU's data, slow to load the
   first time) is made on the page in the meantime. */
function nextTask(work) {
  return new Promise((done) => setTimeout(() => done(work()), 0));
}

function start(root, kitfolio) {
  // Latin digits, as in every figure the site wrote (Babel's default, also for Arabic).
  const numbers = new Intl.NumberFormat(document.documentElement.lang || "en", { numberingSystem: "latn" });
  const currency = root.querySelector("[data-kf-filters] select[name=currency]");
  return loadIndex(root.getAttribute("data-feed"), currency && currency.options.length ? currency.options[0].value : "")
    // The page's part in tasks of their own, apart from taking the index in.
    .then((index) => nextTask(() => new Roster(root, index, numbers)))
    .then((roster) => nextTask(() => {
      roster.begin();
      kitfolio.roster = roster;
      return roster;
    }))
    .catch((error) => {
      root.setAttribute("data-kf-ready", "failed");
      console.warn("Kitfolio: the roster stays a plain list (" + error.message + ")");
    });
}

/* The index is fetched after the first screen: when the browser is idle once the page has
   loaded, or sooner when a brand reaches for the roster or the URL carries a choice. */
function startWhenWanted() {
  const root = document.querySelector("[data-kf-roster]");
  if (!root) { return; }
  const kitfolio = window.kitfolio = window.kitfolio || {};
  let resolve;
  kitfolio.ready = new Promise((done) => { resolve = done; });
  let started = false;
  const go = () => {
    if (started) { return; }
    started = true;
    start(root, kitfolio).then(resolve);
  };
  if (location.search) { go(); return; }
  ["pointerdown", "focusin", "keydown"].forEach((type) => root.addEventListener(type, go, { once: true }));
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  const later = () => idle(go, { timeout: 3000 });
  if (document.readyState === "complete") { later(); } else { window.addEventListener("load", later, { once: true }); }
}

startWhenWanted(); // a module runs once the document is parsed
