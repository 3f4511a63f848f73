/* Kitfolio roster: filters, sorting, live counts, compare, a shortlist and brand fit.
   Without JavaScript the page lists the first creators and links to the pages of the others.
   This reads the site's compact index (kits-index.json) once the first screen is in (at once
   when the URL asks for a filtered view, or at the first touch of the roster), then only
   chooses which of the server-rendered cards to show, in which order, a page at a time; the
   state lives in the URL query. No framework, no tracking, no other host.
   Each module does one job; this one keeps the state and wires them together. */

import { Compare } from "./compare.js";
import { Controls } from "./controls.js";
import { downloadCSV } from "./csv.js";
import { Filters } from "./filters.js";
import { rank } from "./fit.js";
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
  constructor(root, feed) {
    // Latin digits, as in every figure the site wrote (Babel's default, also for Arabic).
    this.numbers = new Intl.NumberFormat(document.documentElement.lang || "en", { numberingSystem: "latn" });
    this.controls = new Controls(root);
    this.listing = new Listing(root, this.numbers, { arrived: () => this.render() });
    this.shortlist = new Shortlist(root);
    this.compare = new Compare(root);
    this.kits = feed.kits || [];
    this.bySlug = new Map(this.kits.map((k, i) => [k.slug, i]));
    this.listing.adopt(this.kits);
    this.exchange = feed.exchange_rates || null;
    this.filters = new Filters(this.kits, this.exchange);
    this.limit = PAGE;
    this.fitCache = { key: null };
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
    this.update();
    root.setAttribute("data-kf-ready", "true");
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
    idle(() => this.filters.warm(this.state.currency));
  }

  /* Whether the address bar is still to catch up with the page (it does so a moment later). */
  get pendingURL() { return this.address.pending; }

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

  /* The brand-fit ranking of every kit, made again only when the brief changes. */
  fits() {
    const brief = briefOf(this.state);
    if (this.exchange && brief.budget !== undefined) { brief.exchange_rates = this.exchange; }
    const key = JSON.stringify(brief);
    if (this.fitCache.key !== key) {
      const fits = rank(this.kits, brief, reason);
      this.fitCache = { key, fits, bySlug: new Map(fits.map((f) => [f.slug, f])) };
    }
    return this.fitCache;
  }

  rankingByFit() { return this.state.sort === "fit" && hasBrief(this.state); }

  update() {
    const started = performance.now();
    const s = this.state;
    const filters = this.filters;
    filters.match(s);
    if (this.controls.form) { this.controls.showCounts(filters.counts(), this.numbers); }
    this.results = [];
    this.excluded = [];
    if (this.rankingByFit()) {
      this.fits().fits.forEach((f) => {
        const at = this.bySlug.get(f.slug);
        if (filters.isMatch(at)) { (f.excluded === null ? this.results : this.excluded).push(at); }
      });
    } else {
      this.results = filters.matching(filters.order(s.sort, s.currency));
    }
    this.render();
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
    const marks = { shortlist: s.shortlist, compare: s.compare, fit: this.rankingByFit() ? this.fits().bySlug : null };
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

function start(root, kitfolio) {
  return fetch(root.getAttribute("data-feed"))
    .then((response) => {
      if (!response.ok) { throw new Error(response.url + ": " + response.status); }
      return response.json();
    })
    .then((feed) => {
      kitfolio.roster = new Roster(root, feed);
      return kitfolio.roster;
    })
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
