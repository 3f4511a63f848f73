/* The roster's cards: the server-rendered ones, shown a page at a time in the chosen order,
   each with its shortlist and compare buttons and, when ranking by fit, its score. */

import { el } from "./dom.js";
import { MAX_COMPARE } from "./state.js";
import { n, t } from "./text.js";

export const PAGE = 24;

export class Listing {
  /* The cards are kept as their HTML, not as 10,000 detached elements: strings cost the garbage
     collector nothing, so filtering stays smooth. A card is made again from its own markup (the
     browser's serialisation of what it parsed, so text stays text) when shown. */
  constructor(root, numbers) {
    this.list = root.querySelector("[data-kf-cards]");
    this.more = root.querySelector("[data-kf-more]");
    this.count = root.querySelector("[data-kf-count]");
    this.numbers = numbers;
    this.markup = new Map();
    this.list.querySelectorAll("[data-kit]").forEach((li) => this.markup.set(li.getAttribute("data-kit"), li.outerHTML));
    this.made = new Map();
  }

  /* Whether the page has a card for slug: only kits with one are listed. */
  has(slug) { return this.markup.has(slug); }

  /* The kits listed, by index from now on. */
  adopt(kits) {
    this.kits = kits;
    this.html = kits.map((k) => this.markup.get(k.slug));
    this.markup = null;
    this.list.setAttribute("data-kf-enhanced", "");
  }

  /* Shows the first limit of shown (kit indexes). marks: the state's shortlist and
     compare picks, and the fit of each slug when ranking by fit. */
  render(shown, limit, marks) {
    const visible = Math.min(limit, shown.length);
    const cards = this.cards(shown.slice(0, visible));
    const current = this.list.children;
    let same = current.length === cards.length;
    for (let k = 0; k < cards.length; k++) {
      const kit = this.kits[shown[k]];
      decorate(cards[k], kit, marks, marks.fit ? marks.fit.get(kit.slug) : null);
      same = same && current[k] === cards[k];
    }
    if (!same) { this.list.replaceChildren(...cards); } // unchanged: focus stays put
    this.more.hidden = visible >= shown.length;
    this.more.querySelector("button").textContent = t("Show more (%(count)s more)", { count: this.numbers.format(shown.length - visible) });
  }

  /* The elements of the given cards: those made before, the others made from their markup. */
  cards(indexes) {
    const cache = this.made;
    const missing = indexes.filter((i) => !cache.has(i));
    if (missing.length) {
      const template = document.createElement("template");
      template.innerHTML = missing.map((i) => this.html[i]).join("");
      const made = Array.from(template.content.children);
      missing.forEach((i, k) => cache.set(i, made[k]));
    }
    const cards = indexes.map((i) => cache.get(i));
    if (cache.size > 4 * PAGE + indexes.length) {
      const keep = new Set(indexes);
      cache.forEach((_, i) => { if (!keep.has(i)) { cache.delete(i); } });
    }
    return cards;
  }

  showCount(matched, excluded) {
    const all = this.kits.length;
    const format = (n) => this.numbers.format(n);
    let text = matched === all && !excluded
      ? n("%(num)s creator", matched, { num: format(matched) })
      : n("%(num)s of %(all)s creators match", matched, { num: format(matched), all: format(all) });
    if (!matched && !excluded) { text = t("No creator matches these filters."); }
    if (excluded) { text += " · " + t("%(count)s excluded by their dealbreakers", { count: format(excluded) }); }
    this.count.textContent = text;
  }

  /* on.star(slug) when a card's shortlist button is pressed, on.pick(slug, checked) when
     its compare box changes. */
  listen(on) {
    this.more.querySelector("button").addEventListener("click", () => on.more());
    this.list.addEventListener("click", (e) => {
      const star = e.target.closest("[data-kf-star]");
      if (star) { on.star(star.closest("[data-kit]").getAttribute("data-kit")); }
    });
    this.list.addEventListener("change", (e) => {
      const box = e.target.closest("[data-kf-pick]");
      if (box) { on.pick(box.closest("[data-kit]").getAttribute("data-kit"), box.checked); }
    });
  }
}

function actionsOf(li) {
  let actions = li.querySelector(".kf-card__actions");
  if (actions) { return actions; }
  actions = el("div", { "class": "kf-card__actions" });
  const star = el("button", { type: "button", "class": "kf-star", "data-kf-star": "" });
  star.append(el("span", { "aria-hidden": "true" }, "☆"), el("span", {}, " " + t("Shortlist")));
  const label = el("label", { "class": "kf-check kf-pick" });
  label.append(el("input", { type: "checkbox", "data-kf-pick": "" }), document.createTextNode(" " + t("Compare")));
  actions.append(star, label);
  li.append(actions);
  return actions;
}

function decorate(li, kit, marks, fit) {
  const actions = actionsOf(li);
  const starred = marks.shortlist.includes(kit.slug);
  const button = actions.querySelector("[data-kf-star]");
  button.setAttribute("aria-pressed", starred ? "true" : "false");
  button.setAttribute("aria-label", starred ? t("Remove %(name)s from the shortlist", { name: kit.name })
    : t("Add %(name)s to the shortlist", { name: kit.name }));
  button.firstChild.textContent = starred ? "★" : "☆";
  const pick = actions.querySelector("[data-kf-pick]");
  pick.checked = marks.compare.includes(kit.slug);
  pick.disabled = !pick.checked && marks.compare.length >= MAX_COMPARE;
  pick.setAttribute("aria-label", t("Compare %(name)s", { name: kit.name }));
  let box = li.querySelector(".kf-card__fit");
  li.classList.toggle("kf-card--excluded", Boolean(fit && fit.excluded !== null));
  if (!fit) { if (box) { box.remove(); } return; }
  if (!box) { box = el("div", { "class": "kf-card__fit" }); li.insertBefore(box, actions); }
  box.replaceChildren();
  if (fit.excluded !== null) {
    box.append(el("p", { "class": "kf-fit__excluded" }, t("Excluded: %(reason)s", { reason: fit.excluded })));
    return;
  }
  box.append(el("p", { "class": "kf-fit__score" }, t("Fit %(score)s/100", { score: fit.score })));
  if (fit.reasons.length) {
    const reasons = el("ul", { "class": "kf-fit__reasons" });
    fit.reasons.forEach((r) => reasons.append(el("li", {}, r)));
    box.append(reasons);
  }
}
