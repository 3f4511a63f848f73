/* URL state: every choice on the roster lives in the page's query, so any view can be shared.
   The state is one plain object, one key per parameter (lists as arrays). */

export const MAX_COMPARE = 4;
export const PARAMS = ["q", "platform", "tier", "min_followers", "max_followers", "min_er", "country", "language",
  "values", "offers", "available", "budget", "currency", "sort", "fit_budget", "fit_currency", "fit_platforms",
  "fit_niche", "fit_countries", "fit_age", "fit_values", "fit_category", "shortlist", "view", "compare"];
const LIST_PARAMS = new Set(["values", "offers", "shortlist", "compare", "fit_platforms", "fit_countries", "fit_age",
  "fit_values"]);

/* "a, b,,c" → ["a", "b", "c"] */
export function listOf(value) {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

/* A number typed in a field, or null when there is none. */
export function numberOf(value) {
  const n = value === "" || value == null ? NaN : Number(value);
  return isFinite(n) ? n : null;
}

export function readState(search, defaultCurrency) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const name of PARAMS) {
    const value = params.get(name) || "";
    state[name] = LIST_PARAMS.has(name) ? listOf(value) : value.trim();
  }
  state.values = state.values.map((v) => v.toLowerCase());
  state.compare = state.compare.slice(0, MAX_COMPARE);
  state.sort = state.sort || "name";
  state.currency = state.currency || defaultCurrency;
  state.fit_currency = state.fit_currency || defaultCurrency;
  return state;
}

/* The query of a URL, its lists' commas left readable. */
export function queryOf(params) {
  return params.toString().replace(/%2C/g, ",");
}

/* The query that gives back state, without the parameters left at their defaults. */
export function stateQuery(state, defaultCurrency) {
  const params = new URLSearchParams();
  for (const name of PARAMS) {
    const value = Array.isArray(state[name]) ? state[name].join(",") : state[name];
    if (!value) { continue; }
    if (name === "sort" && value === "name") { continue; }
    if (name === "currency" && (!state.budget || value === defaultCurrency)) { continue; }
    if (name === "fit_currency" && (!state.fit_budget || value === defaultCurrency)) { continue; }
    params.set(name, value);
  }
  return queryOf(params);
}

export function hasBrief(state) {
  return Boolean(state.fit_budget || state.fit_platforms.length || state.fit_niche || state.fit_countries.length ||
    state.fit_age.length || state.fit_values.length || state.fit_category);
}

/* The brief of brand fit (see fit.js) that the state describes. */
export function briefOf(state) {
  const brief = {
    platforms: state.fit_platforms, niche: state.fit_niche ? [state.fit_niche] : [], countries: state.fit_countries,
    age: state.fit_age, values: state.fit_values, category: state.fit_category
  };
  const budget = numberOf(state.fit_budget);
  if (budget !== null) { brief.budget = budget; brief.currency = state.fit_currency; }
  return brief;
}

/* Keeps the address bar on the state. Chromium makes history.replaceState cost milliseconds and
   ignores it when called too often, so the URL follows a moment later, once per burst of
   changes (typing, say). */
export class AddressBar {
  constructor(query) {
    this.query = query;
    this.pending = false;
    this.timer = null;
    window.addEventListener("pagehide", () => { if (this.pending) { this.write(); } });
  }

  schedule() {
    clearTimeout(this.timer);
    this.pending = true;
    this.timer = setTimeout(() => this.write(), 150);
  }

  write() {
    clearTimeout(this.timer);
    this.pending = false;
    const query = this.query();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", url);
    }
  }
}
