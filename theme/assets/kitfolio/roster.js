/* Kitfolio roster: filters, sorting, live counts, compare, a shortlist and brand fit.
   Without JavaScript the page lists every creator. This script reads the site's own kits.json,
   then only chooses which of the server-rendered cards to show, in which order, a page at a
   time; the state lives in the URL query. No framework, no tracking, no other host. */
(function () {
  "use strict";

  /* ---- Brand fit: the rules of kitfolio/fit.py, kept identical by tests/fit_cases.json ---- */

  var WEIGHTS = { platforms: 25, budget: 25, niche: 20, countries: 20, age: 15, values: 15 };
  var GENERIC_WORDS = "a an and any all are brands companies company for in no not of on or " +
    "products services that the to with which who use using";

  function words(text) {
    var found = String(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    return found.map(function (w) {
      return Array.from(w).length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;
    });
  }
  var GENERIC = new Set(words(GENERIC_WORDS));

  function has(object, key) { return object != null && Object.prototype.hasOwnProperty.call(object, key); }
  function percent(value) { return Math.floor(value + 0.5) + "%"; }
  function listOf(brief, key) {
    var value = brief[key];
    return Array.isArray(value) ? value.filter(function (v) { return v !== null && v !== undefined && v !== ""; }) : [];
  }

  function dealbreaker(card, category) {
    var brand = new Set(words(category));
    if (!brand.size) { return null; }
    var texts = card.dealbreakers || [];
    for (var i = 0; i < texts.length; i++) {
      var keys = words(texts[i]).filter(function (w) { return !GENERIC.has(w); });
      if (keys.length && keys.every(function (k) { return brand.has(k); })) { return String(texts[i]); }
    }
    return null;
  }

  function withinBudget(card, budget, currency) {
    var rates = card.rates || {};
    if (currency && rates.currency !== currency) { return null; }
    var best = null;
    var lines = (rates.items || []).concat(rates.packages || []);
    lines.forEach(function (line) {
      var amount = line.min;
      if (typeof amount === "number" && amount <= budget && (best === null || amount > best[0])) {
        best = [amount, String(line.name)];
      }
    });
    return best ? best[1] : null;
  }

  function shareIn(shares, keys) {
    var share = 0;
    var named = [];
    keys.forEach(function (key) {
      if (has(shares, key)) { share += Number(shares[key]); named.push(String(key)); }
    });
    return [Math.min(share, 100), named];
  }

  function score(card, brief) {
    var slug = String(card.slug || "");
    var category = brief.category;
    if (typeof category === "string" && category.trim()) {
      var hit = dealbreaker(card, category);
      if (hit !== null) { return { slug: slug, score: 0, reasons: [], excluded: "won't promote: " + hit }; }
    }
    var earned = 0;
    var possible = 0;
    var reasons = [];

    var platforms = listOf(brief, "platforms");
    if (platforms.length) {
      possible += WEIGHTS.platforms;
      var theirs = new Map((card.platforms || []).map(function (p) { return [String(p.network), String(p.label)]; }));
      var matched = platforms.filter(function (p) { return theirs.has(p); }).map(function (p) { return theirs.get(p); });
      earned += WEIGHTS.platforms * matched.length / platforms.length;
      if (matched.length) { reasons.push("on " + matched.join(", ")); }
    }

    var budget = brief.budget;
    if (typeof budget === "number" && isFinite(budget)) {
      possible += WEIGHTS.budget;
      var within = withinBudget(card, budget, brief.currency);
      if (within !== null) { earned += WEIGHTS.budget; reasons.push(within + " within budget"); }
    }

    var niche = [];
    listOf(brief, "niche").forEach(function (text) { niche = niche.concat(words(String(text))); });
    if (niche.length) {
      possible += WEIGHTS.niche;
      var about = [String(card.niche || "")].concat((card.tags || []).map(String), [String(card.tagline || "")]).join(" ");
      var theirWords = new Set(words(about));
      var found = niche.filter(function (w) { return theirWords.has(w); });
      earned += WEIGHTS.niche * found.length / niche.length;
      if (found.length) { reasons.push("niche: " + found.join(", ")); }
    }

    var audience = card.audience || {};
    var countries = listOf(brief, "countries");
    if (countries.length) {
      possible += WEIGHTS.countries;
      var c = shareIn(audience.countries || {}, countries);
      earned += WEIGHTS.countries * c[0] / 100;
      if (c[0] > 0) { reasons.push(percent(c[0]) + " of audience in " + c[1].join(", ")); }
    }

    var bands = listOf(brief, "age");
    if (bands.length) {
      possible += WEIGHTS.age;
      var a = shareIn(audience.age || {}, bands);
      earned += WEIGHTS.age * a[0] / 100;
      if (a[0] > 0) { reasons.push(percent(a[0]) + " of audience aged " + a[1].join(", ")); }
    }

    var values = listOf(brief, "values").map(function (v) { return String(v).trim(); }).filter(Boolean);
    if (values.length) {
      possible += WEIGHTS.values;
      var held = {};
      (card.values || []).forEach(function (v) { held[String(v).trim().toLowerCase()] = String(v); });
      var shared = values.filter(function (v) { return has(held, v.toLowerCase()); })
        .map(function (v) { return held[v.toLowerCase()]; });
      earned += WEIGHTS.values * shared.length / values.length;
      if (shared.length) { reasons.push("values: " + shared.join(", ")); }
    }

    var points = possible ? Math.floor(100 * earned / possible + 0.5) : 0;
    return { slug: slug, score: points, reasons: reasons, excluded: null };
  }

  function rank(cards, brief) {
    var fits = cards.map(function (card) { return score(card, brief); });
    var kept = fits.filter(function (f) { return f.excluded === null; });
    kept.sort(function (a, b) { return b.score - a.score; });
    return kept.concat(fits.filter(function (f) { return f.excluded !== null; }));
  }

  var kitfolio = window.kitfolio = window.kitfolio || {};
  kitfolio.fit = { words: words, score: score, rank: rank, WEIGHTS: WEIGHTS };

  /* ---- The roster page ---- */

  var PAGE = 24;
  var MAX_COMPARE = 4;
  var BIT = { q: 1, platform: 2, tier: 4, followers: 8, er: 16, country: 32, language: 64,
    values: 128, offers: 256, available: 512, budget: 1024, only: 2048 };
  var TIERS = ["nano", "micro", "mid", "macro", "mega"];
  var LIST_PARAMS = ["values", "offers", "shortlist", "compare", "fit_platforms", "fit_countries", "fit_age", "fit_values"];
  var PARAMS = ["q", "platform", "tier", "min_followers", "max_followers", "min_er", "country", "language",
    "values", "offers", "available", "budget", "currency", "sort", "fit_budget", "fit_currency", "fit_platforms",
    "fit_niche", "fit_countries", "fit_age", "fit_values", "fit_category", "shortlist", "view", "compare"];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function csvList(value) { return value ? value.split(",").map(function (s) { return s.trim(); }).filter(Boolean) : []; }
  function num(value) { var n = value === "" || value == null ? NaN : Number(value); return isFinite(n) ? n : null; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function Roster(root, feed) {
    var self = this;
    var lang = document.documentElement.lang || "en";
    this.root = root;
    this.list = root.querySelector("[data-kf-cards]");
    this.form = root.querySelector("[data-kf-filters]");
    this.fitBox = root.querySelector("[data-kf-fit]");
    this.fitForm = root.querySelector("[data-kf-fit-form]");
    this.count = root.querySelector("[data-kf-count]");
    this.more = root.querySelector("[data-kf-more]");
    this.tray = root.querySelector("[data-kf-tray]");
    this.dialog = root.querySelector("[data-kf-compare]");
    this.panel = root.querySelector("[data-kf-shortlist]");
    this.numbers = new Intl.NumberFormat(lang);
    this.compact = new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 });
    this.storageKey = "kitfolio:shortlist:" + location.pathname;
    this.timings = [];
    this.limit = PAGE;
    this.fitCache = { key: null, fits: null };
    this.orders = {};
    this.index(feed.kits || []);
    this.state = this.readURL(location.search);
    if (!this.state.shortlist.length && !new URLSearchParams(location.search).has("shortlist")) {
      this.state.shortlist = this.loadShortlist().filter(function (s) { return self.bySlug.has(s); });
    }
    this.writeForm();
    this.wire();
    [this.form, this.fitBox].forEach(function (node) { if (node) { node.hidden = false; } });
    this.list.setAttribute("data-kf-enhanced", "");
    this.update();
    root.setAttribute("data-kf-ready", "true");
    var warm = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
    warm(function () { ["followers", "engagement", "fresh", "price"].forEach(function (k) { self.order(k); }); });
  }

  /* The server-rendered cards are kept as their HTML, not as 10,000 detached elements: strings
     cost the garbage collector nothing, so filtering stays smooth. A card is made again from its
     own markup (the browser's serialisation of what it parsed, so text stays text) when shown. */
  Roster.prototype.index = function (kits) {
    var elements = new Map();
    Array.prototype.forEach.call(this.list.querySelectorAll("[data-kit]"), function (li) {
      elements.set(li.getAttribute("data-kit"), li.outerHTML);
    });
    kits = kits.filter(function (k) { return elements.has(k.slug); });
    var n = kits.length;
    var nets = this.nets = new Map();
    var offers = this.offerBits = new Map();
    var now = today();
    this.kits = kits;
    this.n = n;
    this.bySlug = new Map();
    this.html = new Array(n);
    this.hay = new Array(n);
    this.netMask = new Int32Array(n);
    this.offerMask = new Int32Array(n);
    this.tier = new Int8Array(n);
    this.total = new Float64Array(n);
    this.er = new Float64Array(n);
    this.countries = new Array(n);
    this.langs = new Array(n);
    this.vals = new Array(n);
    this.available = new Uint8Array(n);
    this.lowest = new Float64Array(n);
    this.currency = new Array(n);
    this.fresh = new Array(n);
    this.mask = new Int32Array(n);
    function bit(map, key) { if (!map.has(key)) { map.set(key, map.size); } return 1 << map.get(key); }
    for (var i = 0; i < n; i++) {
      var k = kits[i];
      this.bySlug.set(k.slug, i);
      this.html[i] = elements.get(k.slug);
      this.hay[i] = [k.name, k.niche, (k.tags || []).join(" "), k.tagline || "", k.location || ""].join("\n").toLowerCase();
      var m = 0;
      (k.platforms || []).forEach(function (p) { m |= bit(nets, p.network); });
      this.netMask[i] = m;
      m = 0;
      (k.offers || []).forEach(function (o) { m |= bit(offers, o); });
      this.offerMask[i] = m;
      this.tier[i] = TIERS.indexOf(k.tier);
      this.total[i] = k.total_followers || 0;
      this.er[i] = typeof k.best_engagement === "number" ? k.best_engagement : -1;
      this.countries[i] = Object.keys((k.audience || {}).countries || {});
      this.langs[i] = (k.languages || []).map(function (t) { return t.split("-")[0].toLowerCase(); });
      this.vals[i] = (k.values || []).map(function (v) { return String(v).trim().toLowerCase(); });
      var booked = k.availability && k.availability.booked_until;
      this.available[i] = !booked || booked < now ? 1 : 0;
      var rates = k.rates || {};
      this.lowest[i] = typeof rates.lowest === "number" ? rates.lowest : NaN;
      this.currency[i] = rates.currency || "";
      this.fresh[i] = k.stats_as_of || "";
    }
    var currency = control(this.form, "currency");
    this.defaultCurrency = currency && currency.options.length ? currency.options[0].value : "";
  };

  Roster.prototype.readURL = function (search) {
    var params = new URLSearchParams(search);
    var state = {};
    PARAMS.forEach(function (name) {
      var value = params.get(name) || "";
      state[name] = LIST_PARAMS.indexOf(name) >= 0 ? csvList(value) : value.trim();
    });
    state.values = state.values.map(function (v) { return v.toLowerCase(); });
    state.compare = state.compare.slice(0, MAX_COMPARE);
    state.sort = state.sort || "name";
    state.currency = state.currency || this.defaultCurrency;
    state.fit_currency = state.fit_currency || this.defaultCurrency;
    return state;
  };

  /* Chromium makes history.replaceState cost milliseconds and ignores it when called too often,
     so the URL follows the page a moment later, once per burst of changes (typing, say). */
  Roster.prototype.scheduleURL = function () {
    var self = this;
    clearTimeout(this.urlTimer);
    this.pendingURL = true;
    this.urlTimer = setTimeout(function () { self.writeURL(); }, 150);
  };

  Roster.prototype.writeURL = function () {
    clearTimeout(this.urlTimer);
    this.pendingURL = false;
    var s = this.state;
    var params = new URLSearchParams();
    var self = this;
    PARAMS.forEach(function (name) {
      var value = s[name];
      if (Array.isArray(value)) { value = value.join(","); }
      if (!value) { return; }
      if (name === "sort" && value === "name") { return; }
      if (name === "currency" && (!s.budget || value === self.defaultCurrency)) { return; }
      if (name === "fit_currency" && (!s.fit_budget || value === self.defaultCurrency)) { return; }
      params.set(name, value);
    });
    var query = params.toString().replace(/%2C/g, ",");
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  };

  function control(form, name) { return form ? form.elements.namedItem(name) : null; }

  function setControl(form, name, value) {
    var field = control(form, name);
    if (!field) { return; }
    if (field instanceof RadioNodeList || (field.type === "checkbox")) {
      var wanted = Array.isArray(value) ? value : [value];
      var boxes = field instanceof RadioNodeList ? Array.from(field) : [field];
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    } else if (field.multiple) {
      Array.from(field.options).forEach(function (o) { o.selected = value.indexOf(o.value) >= 0; });
    } else {
      field.value = Array.isArray(value) ? value.join(", ") : value;
    }
  }

  function readControl(form, name) {
    var field = control(form, name);
    if (!field) { return ""; }
    if (field instanceof RadioNodeList || field.type === "checkbox") {
      var boxes = field instanceof RadioNodeList ? Array.from(field) : [field];
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }
    if (field.multiple) {
      return Array.from(field.selectedOptions).map(function (o) { return o.value; });
    }
    return String(field.value).trim();
  }

  var FILTER_FIELDS = ["q", "platform", "tier", "min_followers", "max_followers", "min_er", "country",
    "language", "values", "offers", "available", "budget", "currency", "sort"];
  var FIT_FIELDS = ["fit_budget", "fit_currency", "fit_platforms", "fit_niche", "fit_countries", "fit_age",
    "fit_values", "fit_category"];

  Roster.prototype.writeForm = function () {
    var s = this.state;
    var self = this;
    FILTER_FIELDS.forEach(function (name) {
      var value = name === "available" ? (s.available ? ["now"] : []) : s[name];
      setControl(self.form, name, value);
    });
    FIT_FIELDS.forEach(function (name) { setControl(self.fitForm, name, s[name]); });
    var more = this.form && this.form.querySelector("[data-kf-more-filters]");
    if (more && (s.available || s.offers.length || s.values.length)) { more.open = true; }
    if (this.fitBox && this.hasBrief()) { this.fitBox.open = true; }
    this.syncFitSort();
  };

  Roster.prototype.readForm = function () {
    var s = this.state;
    var self = this;
    FILTER_FIELDS.forEach(function (name) {
      var value = readControl(self.form, name);
      s[name] = name === "available" ? (value.length ? "now" : "") : value;
    });
  };

  Roster.prototype.hasBrief = function () {
    var s = this.state;
    return Boolean(s.fit_budget || s.fit_platforms.length || s.fit_niche || s.fit_countries.length ||
      s.fit_age.length || s.fit_values.length || s.fit_category);
  };

  Roster.prototype.brief = function () {
    var s = this.state;
    var brief = {
      platforms: s.fit_platforms, niche: s.fit_niche ? [s.fit_niche] : [], countries: s.fit_countries,
      age: s.fit_age, values: s.fit_values, category: s.fit_category
    };
    var budget = num(s.fit_budget);
    if (budget !== null) { brief.budget = budget; brief.currency = s.fit_currency; }
    return brief;
  };

  Roster.prototype.syncFitSort = function () {
    var option = this.form && this.form.querySelector("[data-kf-fit-sort]");
    if (option) { option.disabled = !this.hasBrief(); }
    if (this.state.sort === "fit" && !this.hasBrief()) { this.state.sort = "name"; }
    if (this.form) { control(this.form, "sort").value = this.state.sort; }
  };

  Roster.prototype.wire = function () {
    var self = this;
    if (this.form) {
      var changed = function () { self.readForm(); self.limit = PAGE; self.update(); };
      this.form.addEventListener("input", changed);
      this.form.addEventListener("submit", function (e) { e.preventDefault(); });
      this.form.addEventListener("reset", function () { setTimeout(changed, 0); });
    }
    if (this.fitForm) {
      this.fitForm.addEventListener("submit", function (e) {
        e.preventDefault();
        var s = self.state;
        FIT_FIELDS.forEach(function (name) {
          var value = readControl(self.fitForm, name);
          s[name] = name === "fit_values" ? csvList(value) : value;
        });
        s.sort = self.hasBrief() ? "fit" : s.sort;
        self.syncFitSort();
        self.limit = PAGE;
        self.update();
      });
      this.fitForm.querySelector("[data-kf-fit-clear]").addEventListener("click", function () {
        FIT_FIELDS.forEach(function (name) { self.state[name] = Array.isArray(self.state[name]) ? [] : ""; });
        self.state.fit_currency = self.defaultCurrency;
        self.writeForm();
        self.update();
      });
    }
    this.more.querySelector("button").addEventListener("click", function () {
      self.limit += PAGE;
      self.render();
    });
    this.list.addEventListener("click", function (e) {
      var star = e.target.closest("[data-kf-star]");
      if (star) { self.toggleShortlist(star.closest("[data-kit]").getAttribute("data-kit")); }
    });
    this.list.addEventListener("change", function (e) {
      var box = e.target.closest("[data-kf-pick]");
      if (box) { self.togglePick(box.closest("[data-kit]").getAttribute("data-kit"), box.checked); }
    });
    window.addEventListener("pagehide", function () { if (self.pendingURL) { self.writeURL(); } });
    window.addEventListener("popstate", function () {
      self.state = self.readURL(location.search);
      self.writeForm();
      self.update();
    });
  };

  Roster.prototype.order = function (sort) {
    var s = this.state;
    var key = sort === "price" ? "price:" + s.currency : sort;
    if (this.orders[key]) { return this.orders[key]; }
    var n = this.n;
    var idx = new Int32Array(n);
    for (var i = 0; i < n; i++) { idx[i] = i; }
    var total = this.total;
    var er = this.er;
    var fresh = this.fresh;
    var lowest = this.lowest;
    var currency = this.currency;
    var compare = null;
    if (sort === "followers") { compare = function (a, b) { return total[b] - total[a] || a - b; }; }
    if (sort === "engagement") { compare = function (a, b) { return er[b] - er[a] || a - b; }; }
    if (sort === "fresh") {
      compare = function (a, b) { return fresh[a] === fresh[b] ? a - b : (fresh[a] < fresh[b] ? 1 : -1); };
    }
    if (sort === "price") {
      // Prices in the chosen currency first, then other currencies, then hidden prices.
      var keys = new Float64Array(n);
      for (i = 0; i < n; i++) {
        keys[i] = isNaN(lowest[i]) ? Infinity : (currency[i] === s.currency ? 0 : 1e15) + lowest[i];
      }
      compare = function (a, b) { return keys[a] - keys[b] || a - b; };
    }
    if (compare) { idx.sort(compare); }
    this.orders[key] = idx;
    return idx;
  };

  Roster.prototype.fits = function () {
    var brief = this.brief();
    var key = JSON.stringify(brief);
    if (this.fitCache.key !== key) {
      var fits = rank(this.kits, brief);
      var bySlug = new Map();
      fits.forEach(function (f) { bySlug.set(f.slug, f); });
      this.fitCache = { key: key, fits: fits, bySlug: bySlug };
    }
    return this.fitCache;
  };

  Roster.prototype.update = function () {
    var started = performance.now();
    var s = this.state;
    var n = this.n;
    var tokens = s.q ? s.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var platform = s.platform ? (this.nets.has(s.platform) ? 1 << this.nets.get(s.platform) : 0) : -1;
    var tier = s.tier ? TIERS.indexOf(s.tier) : -2;
    var minF = num(s.min_followers);
    var maxF = num(s.max_followers);
    var minEr = num(s.min_er);
    var country = s.country;
    var language = s.language ? s.language.split("-")[0].toLowerCase() : "";
    var values = s.values;
    var offerMask = 0;
    var self = this;
    s.offers.forEach(function (o) { offerMask |= self.offerBits.has(o) ? 1 << self.offerBits.get(o) : 1 << 30; });
    var budget = num(s.budget);
    var only = s.view === "shortlist" ? new Set(s.shortlist) : null;
    var mask = this.mask;
    var hay = this.hay, netMask = this.netMask, tiers = this.tier, total = this.total, er = this.er;
    var countries = this.countries, langs = this.langs, vals = this.vals, offers = this.offerMask;
    var available = this.available, lowest = this.lowest, currency = this.currency, kits = this.kits;
    var i, j, m;
    for (i = 0; i < n; i++) {
      m = 0;
      for (j = 0; j < tokens.length; j++) { if (hay[i].indexOf(tokens[j]) < 0) { m |= BIT.q; break; } }
      if (platform !== -1 && !(netMask[i] & platform)) { m |= BIT.platform; }
      if (tier !== -2 && tiers[i] !== tier) { m |= BIT.tier; }
      if ((minF !== null && total[i] < minF) || (maxF !== null && total[i] > maxF)) { m |= BIT.followers; }
      if (minEr !== null && er[i] < minEr) { m |= BIT.er; }
      if (country && countries[i].indexOf(country) < 0) { m |= BIT.country; }
      if (language && langs[i].indexOf(language) < 0) { m |= BIT.language; }
      for (j = 0; j < values.length; j++) { if (vals[i].indexOf(values[j]) < 0) { m |= BIT.values; break; } }
      if ((offers[i] & offerMask) !== offerMask) { m |= BIT.offers; }
      if (s.available && !available[i]) { m |= BIT.available; }
      if (budget !== null && !(currency[i] === s.currency && lowest[i] <= budget)) { m |= BIT.budget; }
      if (only && !only.has(kits[i].slug)) { m |= BIT.only; }
      mask[i] = m;
    }
    this.counts();
    var results = [];
    var excluded = [];
    if (s.sort === "fit" && this.hasBrief()) {
      var fits = this.fits();
      fits.fits.forEach(function (f) {
        var at = self.bySlug.get(f.slug);
        if (mask[at] === 0) { (f.excluded === null ? results : excluded).push(at); }
      });
    } else {
      var order = this.order(s.sort);
      for (i = 0; i < n; i++) { if (mask[order[i]] === 0) { results.push(order[i]); } }
    }
    this.results = results;
    this.excluded = excluded;
    this.render();
    this.showCount();
    this.showShortlist();
    this.showTray();
    this.scheduleURL();
    var took = performance.now() - started;
    this.timings.push(took);
    this.lastUpdate = took;
    return took;
  };

  Roster.prototype.counts = function () {
    if (!this.form) { return; }
    var n = this.n, mask = this.mask, nets = this.nets;
    var byNet = new Int32Array(nets.size), byTier = new Int32Array(TIERS.length);
    var byCountry = new Map(), byLang = new Map(), byValue = new Map();
    var byOffer = new Int32Array(this.offerBits.size);
    var availableCount = 0;
    var netMask = this.netMask, tiers = this.tier, countries = this.countries, langs = this.langs;
    var vals = this.vals, offerMask = this.offerMask, available = this.available;
    var nNets = byNet.length, nOffers = byOffer.length;
    function add(map, keys) { for (var j = 0; j < keys.length; j++) { map.set(keys[j], (map.get(keys[j]) || 0) + 1); } }
    for (var i = 0; i < n; i++) {
      var m = mask[i];
      var b;
      if (m & ~(BIT.platform | BIT.tier | BIT.country | BIT.language | BIT.available)) { continue; }
      if ((m & ~BIT.platform) === 0) { for (b = 0; b < nNets; b++) { if (netMask[i] & (1 << b)) { byNet[b]++; } } }
      if ((m & ~BIT.tier) === 0 && tiers[i] >= 0) { byTier[tiers[i]]++; }
      if ((m & ~BIT.country) === 0) { add(byCountry, countries[i]); }
      if ((m & ~BIT.language) === 0) { add(byLang, langs[i]); }
      if ((m & ~BIT.available) === 0 && available[i]) { availableCount++; }
      if (m === 0) {
        add(byValue, vals[i]);
        for (b = 0; b < nOffers; b++) { if (offerMask[i] & (1 << b)) { byOffer[b]++; } }
      }
    }
    var self = this;
    var count = {
      platform: function (v) { return nets.has(v) ? byNet[nets.get(v)] : 0; },
      tier: function (v) { return byTier[TIERS.indexOf(v)] || 0; },
      country: function (v) { return byCountry.get(v) || 0; },
      language: function (v) { return byLang.get(v) || 0; },
      values: function (v) { return byValue.get(v) || 0; },
      offers: function (v) { return self.offerBits.has(v) ? byOffer[self.offerBits.get(v)] : 0; },
      available: function () { return availableCount; }
    };
    var form = this.form;
    ["platform", "tier", "country", "language"].forEach(function (name) {
      Array.prototype.forEach.call(control(form, name).options, function (o) {
        if (o.value) { o.textContent = o.getAttribute("data-label") + " (" + self.numbers.format(count[name](o.value)) + ")"; }
      });
    });
    ["values", "offers", "available"].forEach(function (name) {
      var field = control(form, name);
      if (!field) { return; }
      var boxes = field instanceof RadioNodeList ? Array.from(field) : [field];
      boxes.forEach(function (box) {
        var out = box.parentNode.querySelector("[data-count]");
        if (out) { out.textContent = "(" + self.numbers.format(count[name](box.value)) + ")"; }
      });
    });
  };

  Roster.prototype.render = function () {
    var shown = this.results.concat(this.excluded);
    var visible = Math.min(this.limit, shown.length);
    var fit = this.state.sort === "fit" && this.hasBrief() ? this.fits().bySlug : null;
    var cards = this.cards(shown.slice(0, visible));
    var current = this.list.children;
    var same = current.length === cards.length;
    for (var k = 0; k < cards.length; k++) {
      var i = shown[k];
      this.decorate(cards[k], this.kits[i], fit ? fit.get(this.kits[i].slug) : null);
      same = same && current[k] === cards[k];
    }
    if (!same) { this.list.replaceChildren.apply(this.list, cards); }  // unchanged: focus stays put
    this.more.hidden = visible >= shown.length;
    var button = this.more.querySelector("button");
    button.textContent = "Show more (" + this.numbers.format(shown.length - visible) + " more)";
  };

  /* The elements of the given cards: those made before, the others made from their markup. */
  Roster.prototype.cards = function (indexes) {
    var cache = this.made || (this.made = new Map());
    var missing = indexes.filter(function (i) { return !cache.has(i); });
    if (missing.length) {
      var template = document.createElement("template");
      var html = this.html;
      template.innerHTML = missing.map(function (i) { return html[i]; }).join("");
      var made = Array.prototype.slice.call(template.content.children);
      missing.forEach(function (i, k) { cache.set(i, made[k]); });
    }
    var cards = indexes.map(function (i) { return cache.get(i); });
    if (cache.size > 4 * PAGE + indexes.length) {
      var keep = new Set(indexes);
      cache.forEach(function (_, i) { if (!keep.has(i)) { cache.delete(i); } });
    }
    return cards;
  };

  Roster.prototype.decorate = function (li, kit, fit) {
    var actions = li.querySelector(".kf-card__actions");
    if (!actions) {
      actions = el("div", { "class": "kf-card__actions" });
      var star = el("button", { type: "button", "class": "kf-star", "data-kf-star": "" });
      star.append(el("span", { "aria-hidden": "true" }, "☆"), el("span", {}, " Shortlist"));
      var label = el("label", { "class": "kf-check kf-pick" });
      var box = el("input", { type: "checkbox", "data-kf-pick": "" });
      label.append(box, document.createTextNode(" Compare"));
      actions.append(star, label);
      li.append(actions);
    }
    var starred = this.state.shortlist.indexOf(kit.slug) >= 0;
    var button = actions.querySelector("[data-kf-star]");
    button.setAttribute("aria-pressed", starred ? "true" : "false");
    button.setAttribute("aria-label", (starred ? "Remove " : "Add ") + kit.name + (starred ? " from" : " to") + " the shortlist");
    button.firstChild.textContent = starred ? "★" : "☆";
    var pick = actions.querySelector("[data-kf-pick]");
    pick.checked = this.state.compare.indexOf(kit.slug) >= 0;
    pick.disabled = !pick.checked && this.state.compare.length >= MAX_COMPARE;
    pick.setAttribute("aria-label", "Compare " + kit.name);
    var box = li.querySelector(".kf-card__fit");
    li.classList.toggle("kf-card--excluded", Boolean(fit && fit.excluded !== null));
    if (!fit) { if (box) { box.remove(); } return; }
    if (!box) { box = el("div", { "class": "kf-card__fit" }); li.insertBefore(box, actions); }
    box.replaceChildren();
    if (fit.excluded !== null) {
      box.append(el("p", { "class": "kf-fit__excluded" }, "Excluded: " + fit.excluded));
      return;
    }
    box.append(el("p", { "class": "kf-fit__score" }, "Fit " + fit.score + "/100"));
    if (fit.reasons.length) {
      var reasons = el("ul", { "class": "kf-fit__reasons" });
      fit.reasons.forEach(function (r) { reasons.append(el("li", {}, r)); });
      box.append(reasons);
    }
  };

  Roster.prototype.showCount = function () {
    var shown = this.results.length;
    var text = shown === this.n && !this.excluded.length
      ? this.numbers.format(shown) + " creator" + (shown === 1 ? "" : "s")
      : this.numbers.format(shown) + " of " + this.numbers.format(this.n) + " creators match";
    if (!shown && !this.excluded.length) { text = "No creator matches these filters."; }
    if (this.excluded.length) { text += " · " + this.numbers.format(this.excluded.length) + " excluded by their dealbreakers"; }
    this.count.textContent = text;
  };

  /* ---- Shortlist: in the URL (to share) and in localStorage (to come back to) ---- */

  Roster.prototype.loadShortlist = function () {
    try { return csvList(localStorage.getItem(this.storageKey) || ""); } catch (e) { return []; }
  };

  Roster.prototype.saveShortlist = function () {
    try { localStorage.setItem(this.storageKey, this.state.shortlist.join(",")); } catch (e) { /* private mode */ }
  };

  Roster.prototype.toggleShortlist = function (slug) {
    var list = this.state.shortlist;
    var at = list.indexOf(slug);
    if (at >= 0) { list.splice(at, 1); } else { list.push(slug); }
    if (!list.length && this.state.view === "shortlist") { this.state.view = ""; }
    this.saveShortlist();
    this.update();
  };

  Roster.prototype.shareLink = function () {
    var params = new URLSearchParams();
    params.set("shortlist", this.state.shortlist.join(","));
    params.set("view", "shortlist");
    return location.origin + location.pathname + "?" + params.toString().replace(/%2C/g, ",");
  };

  Roster.prototype.showShortlist = function () {
    var panel = this.panel;
    if (!panel) { return; }
    var self = this;
    var slugs = this.state.shortlist.filter(function (s) { return self.bySlug.has(s); });
    panel.hidden = !slugs.length;
    panel.replaceChildren();
    if (!slugs.length) { return; }
    panel.append(el("h2", { id: "kf-shortlist-title" }, "Shortlist (" + slugs.length + ")"));
    var list = el("ol", { "class": "kf-shortlist__list" });
    slugs.forEach(function (slug) {
      var kit = self.kits[self.bySlug.get(slug)];
      var item = el("li");
      item.append(el("a", { href: kit.path }, kit.name));
      list.append(item);
    });
    panel.append(list);
    var actions = el("p", { "class": "kf-actions" });
    var only = el("button", { type: "button", "class": "md-button", "data-kf-only": "", "aria-pressed": String(this.state.view === "shortlist") },
      this.state.view === "shortlist" ? "Show everyone" : "Show only the shortlist");
    only.addEventListener("click", function () {
      self.state.view = self.state.view === "shortlist" ? "" : "shortlist";
      self.limit = PAGE;
      self.update();
    });
    var download = el("button", { type: "button", "class": "md-button", "data-kf-csv": "" }, "Download CSV");
    download.addEventListener("click", function () { self.downloadCSV(slugs); });
    var copy = el("button", { type: "button", "class": "md-button", "data-kf-copy": "" }, "Copy link");
    var link = el("input", { type: "url", readonly: "", "class": "kf-shortlist__link", "aria-label": "Link to this shortlist", "data-kf-link": "" });
    link.value = this.shareLink();
    copy.addEventListener("click", function () {
      link.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(link.value).catch(function () { /* selected for copying */ }); }
      copy.textContent = "Link copied";
    });
    actions.append(only, download, copy);
    panel.append(actions, link);
  };

  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function prices(kit) {
    var rates = kit.rates;
    if (!rates) { return ""; }
    var lines = (rates.items || []).concat(rates.packages || []).filter(function (l) { return l.text; });
    if (!lines.length) { return rates.visibility === "public" || rates.visibility === "from" ? "" : "On request"; }
    return lines.map(function (l) { return l.name + ": " + l.text; }).join("; ");
  }

  function contact(kit) {
    var c = kit.contact || {};
    var parts = [c.email, c.manager && c.manager.email ? c.manager.name + " <" + c.manager.email + ">" : null, c.booking_url];
    return parts.filter(Boolean).join("; ");
  }

  Roster.prototype.csv = function (slugs) {
    var self = this;
    var rows = [["Name", "Media kit", "Platforms and followers", "Total followers", "Best engagement rate (%)", "Visible prices", "Contact"]];
    slugs.forEach(function (slug) {
      var kit = self.kits[self.bySlug.get(slug)];
      rows.push([
        kit.name, kit.url,
        (kit.platforms || []).map(function (p) { return p.label + " " + p.followers; }).join("; "),
        kit.total_followers, kit.best_engagement, prices(kit), contact(kit)
      ]);
    });
    return rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  };

  Roster.prototype.downloadCSV = function (slugs) {
    var blob = new Blob(["\ufeff" + this.csv(slugs)], { type: "text/csv;charset=utf-8" });
    var link = el("a", { download: "shortlist.csv", href: URL.createObjectURL(blob) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  /* ---- Compare 2 to 4 creators side by side ---- */

  Roster.prototype.togglePick = function (slug, on) {
    var list = this.state.compare;
    var at = list.indexOf(slug);
    if (on && at < 0 && list.length < MAX_COMPARE) { list.push(slug); }
    if (!on && at >= 0) { list.splice(at, 1); }
    this.render();
    this.showTray();
    this.scheduleURL();
  };

  Roster.prototype.showTray = function () {
    var tray = this.tray;
    var self = this;
    var picked = this.state.compare.filter(function (s) { return self.bySlug.has(s); });
    tray.hidden = !picked.length;
    tray.replaceChildren();
    if (!picked.length) { return; }
    tray.append(el("span", {}, picked.length + " of " + MAX_COMPARE + " selected to compare"));
    var open = el("button", { type: "button", "class": "md-button md-button--primary", "data-kf-open-compare": "" }, "Compare (" + picked.length + ")");
    open.disabled = picked.length < 2;
    open.addEventListener("click", function () { self.openCompare(); });
    var clear = el("button", { type: "button", "class": "md-button" }, "Clear");
    clear.addEventListener("click", function () { self.state.compare = []; self.render(); self.showTray(); self.scheduleURL(); });
    tray.append(open, clear);
  };

  function shares(map, top) {
    return Object.keys(map || {}).map(function (k) { return [k, map[k]]; })
      .sort(function (a, b) { return b[1] - a[1]; }).slice(0, top)
      .map(function (kv) { return kv[0] + " " + kv[1] + "%"; }).join(" · ");
  }

  Roster.prototype.openCompare = function () {
    var self = this;
    var kits = this.state.compare.filter(function (s) { return self.bySlug.has(s); })
      .map(function (s) { return self.kits[self.bySlug.get(s)]; });
    var details = kits.map(function (kit) {
      return fetch(kit.path + "kit.json").then(function (r) { return r.ok ? r.json() : null; })
        .then(function (feed) { return feed && feed.kit ? feed.kit : kit; }, function () { return kit; });
    });
    return Promise.all(details).then(function (full) { self.showCompare(full); });
  };

  Roster.prototype.showCompare = function (kits) {
    var self = this;
    var dialog = this.dialog;
    dialog.replaceChildren();
    var head = el("div", { "class": "kf-compare__head" });
    var close = el("button", { type: "button", "class": "md-button", "data-kf-close": "" }, "Close");
    close.addEventListener("click", function () { dialog.close(); });
    // Focus starts on the title, so a screen reader announces the comparison first.
    head.append(el("h2", { id: "kf-compare-title", tabindex: "-1", autofocus: "" }, "Compare creators"), close);
    dialog.append(head);
    var table = el("table", { "class": "kf-compare__table" });
    var top = el("tr");
    top.append(el("th", { scope: "col" }, "Creator"));
    kits.forEach(function (k) {
      var th = el("th", { scope: "col" });
      th.append(el("a", { href: k.path }, k.name));
      top.append(th);
    });
    var thead = el("thead");
    thead.append(top);
    table.append(thead);
    var terms = [];
    kits.forEach(function (k) { Object.keys(k.terms || {}).forEach(function (t) { if (terms.indexOf(t) < 0) { terms.push(t); } }); });
    var rows = [
      ["Platforms", function (k) { return (k.platforms || []).map(function (p) { return p.label + " " + self.compact.format(p.followers); }).join(" · "); }],
      ["Total followers", function (k) { return self.numbers.format(k.total_followers); }],
      ["Best engagement", function (k) { return typeof k.best_engagement === "number" ? Math.round(k.best_engagement * 10) / 10 + "%" : "—"; }],
      ["Tier", function (k) { return k.tier; }],
      ["Top countries", function (k) { return shares((k.audience || {}).countries, 3) || "—"; }],
      ["Age", function (k) { return shares((k.audience || {}).age, 3) || "—"; }],
      ["Gender", function (k) { return shares((k.audience || {}).gender, 3) || "—"; }],
      ["Values", function (k) { return (k.values || []).join(", ") || "—"; }],
      ["Prices", function (k) { return prices(k) || "—"; }]
    ].concat(terms.map(function (t) { return [t, function (k) { return (k.terms || {})[t] || "—"; }]; }));
    var body = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.append(el("th", { scope: "row" }, row[0]));
      kits.forEach(function (k) { tr.append(el("td", {}, row[1](k))); });
      body.append(tr);
    });
    table.append(body);
    var wrap = el("div", { "class": "kf-compare__scroll" });
    wrap.append(table);
    dialog.append(wrap);
    if (!dialog.open) { dialog.showModal(); }
  };

  /* ---- Start ---- */

  function start() {
    var root = document.querySelector("[data-kf-roster]");
    if (!root || root.getAttribute("data-kf-ready")) { return; }
    kitfolio.ready = fetch(root.getAttribute("data-feed"))
      .then(function (response) {
        if (!response.ok) { throw new Error("kits.json: " + response.status); }
        return response.json();
      })
      .then(function (feed) {
        kitfolio.roster = new Roster(root, feed);
        return kitfolio.roster;
      })
      .catch(function (error) {
        root.setAttribute("data-kf-ready", "failed");
        console.warn("Kitfolio: the roster stays a plain list (" + error.message + ")");
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
