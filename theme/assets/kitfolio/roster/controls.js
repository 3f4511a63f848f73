/* The filter form and the brand-fit brief: read into the state, written back from it, and each
   choice labelled with how many creators it would match. */

import { Disclosure } from "./disclosure.js";
import { setText } from "./dom.js";
import { hasBrief, listOf } from "./state.js";

const FILTER_FIELDS = ["q", "platform", "tier", "min_followers", "max_followers", "min_er", "country",
  "language", "values", "offers", "available", "budget", "currency", "sort"];
const FIT_FIELDS = ["fit_budget", "fit_currency", "fit_platforms", "fit_niche", "fit_countries", "fit_age",
  "fit_values", "fit_category"];
const COUNTED_OPTIONS = ["platform", "tier", "country", "language"];
const COUNTED_BOXES = ["values", "offers", "available"];
/* The filters folded behind "More filters": set, they keep it open and are counted on it. */
const FOLDED = ["tier", "language", "min_followers", "max_followers", "min_er", "available", "values", "offers"];

function control(form, name) { return form ? form.elements.namedItem(name) : null; }

function boxesOf(field) {
  if (field instanceof RadioNodeList) { return Array.from(field); }
  return field.type === "checkbox" ? [field] : null;
}

function setControl(form, name, value) {
  const field = control(form, name);
  if (!field) { return; }
  const boxes = boxesOf(field);
  if (boxes) {
    const wanted = Array.isArray(value) ? value : [value];
    boxes.forEach((box) => { box.checked = wanted.includes(box.value); });
  } else if (field.multiple) {
    Array.from(field.options).forEach((o) => { o.selected = value.includes(o.value); });
  } else {
    field.value = Array.isArray(value) ? value.join(", ") : value;
  }
}

function readControl(form, name) {
  const field = control(form, name);
  if (!field) { return ""; }
  const boxes = boxesOf(field);
  if (boxes) { return boxes.filter((b) => b.checked).map((b) => b.value); }
  if (field.multiple) { return Array.from(field.selectedOptions).map((o) => o.value); }
  return String(field.value).trim();
}

export class Controls {
  constructor(root) {
    this.form = root.querySelector("[data-kf-filters]");
    this.fitForm = root.querySelector("[data-kf-fit-form]");
    this.panels = {};
    root.querySelectorAll("[data-kf-toggle]").forEach((button) => {
      this.panels[button.getAttribute("data-kf-toggle")] = new Disclosure(button);
    });
    this.active = root.querySelector("[data-kf-active]");
    const currency = control(this.form, "currency");
    this.defaultCurrency = currency && currency.options.length ? currency.options[0].value : "";
  }

  reveal() {
    if (this.form) { this.form.hidden = false; }
  }

  /* How many of the folded filters are set, shown on their button. */
  showFolded(state) {
    const set = FOLDED.filter((name) => (Array.isArray(state[name]) ? state[name].length : state[name])).length;
    if (this.active) { this.active.textContent = set ? String(set) : ""; }
    return set;
  }

  write(state) {
    FILTER_FIELDS.forEach((name) => {
      const value = name === "available" ? (state.available ? ["now"] : []) : state[name];
      setControl(this.form, name, value);
    });
    FIT_FIELDS.forEach((name) => setControl(this.fitForm, name, state[name]));
    if (this.panels.more && this.showFolded(state)) { this.panels.more.set(true); }
    if (this.panels.fit && hasBrief(state)) { this.panels.fit.set(true); }
    this.syncFitSort(state);
  }

  readFilters(state) {
    FILTER_FIELDS.forEach((name) => {
      const value = readControl(this.form, name);
      state[name] = name === "available" ? (value.length ? "now" : "") : value;
    });
    this.showFolded(state);
  }

  /* The brief as submitted; ranking by fit once there is one. */
  readBrief(state) {
    FIT_FIELDS.forEach((name) => {
      const value = readControl(this.fitForm, name);
      state[name] = name === "fit_values" ? listOf(value) : value;
    });
    state.sort = hasBrief(state) ? "fit" : state.sort;
    this.syncFitSort(state);
  }

  clearBrief(state) {
    FIT_FIELDS.forEach((name) => { state[name] = Array.isArray(state[name]) ? [] : ""; });
    state.fit_currency = this.defaultCurrency;
    this.write(state);
  }

  /* "Brand fit" can be chosen as the order only while there is a brief. */
  syncFitSort(state) {
    const option = this.form && this.form.querySelector("[data-kf-fit-sort]");
    if (option) { option.disabled = !hasBrief(state); }
    if (state.sort === "fit" && !hasBrief(state)) { state.sort = "name"; }
    if (this.form) { control(this.form, "sort").value = state.sort; }
  }

  /* count[name](value): the creators each choice would match among the other filters. */
  showCounts(count, numbers) {
    if (!this.form) { return; }
    COUNTED_OPTIONS.forEach((name) => {
      Array.from(control(this.form, name).options).forEach((o) => {
        if (o.value) { setText(o, o.getAttribute("data-label") + " (" + numbers.format(count[name](o.value)) + ")"); }
      });
    });
    COUNTED_BOXES.forEach((name) => {
      const field = control(this.form, name);
      if (!field) { return; }
      boxesOf(field).forEach((box) => {
        const out = box.parentNode.querySelector("[data-count]");
        if (out) { setText(out, "(" + numbers.format(count[name](box.value)) + ")"); }
      });
    });
  }

  /* Calls on.filters() after a filter changes, on.brief() once a brief is submitted and
     on.cleared() once it is cleared; each has updated state already. */
  listen(state, on) {
    if (this.form) {
      const changed = () => { this.readFilters(state); on.filters(); };
      this.form.addEventListener("input", changed);
      const sort = control(this.form, "sort");
      if (sort && !this.form.contains(sort)) { sort.addEventListener("input", changed); }
      this.form.addEventListener("submit", (e) => e.preventDefault());
      this.form.addEventListener("reset", () => setTimeout(changed, 0));
    }
    if (this.fitForm) {
      this.fitForm.addEventListener("submit", (e) => {
        e.preventDefault();
        this.readBrief(state);
        on.brief();
      });
      this.fitForm.querySelector("[data-kf-fit-clear]").addEventListener("click", () => {
        this.clearBrief(state);
        on.cleared();
      });
    }
  }
}
