/* The roster's cards: the server-rendered ones, shown a page at a time in the chosen order,
   each with its shortlist and compare buttons and, when ranking by fit, its score. */

import { el, setText } from "./dom.js";
import { t } from "./messages.js";
import { MAX_COMPARE } from "./state.js";

/* Cards shown at first and added by each "Show more": a phone's first screens and then some.
   A filter change puts in place the cards it brings (those that stay are left as they are); the
   browser lays out the bodies of those in view only (roster.css). */
export const PAGE = 12;
/* The class of a card whose body the browser lays out only once it is near the screen, and how
   many cards the plain listing always lays out (roster.css). */
const LATER = "kf-card--later";
const FIRST_LAID_OUT = 6;

/* A card taken from another page of the listing, its links made to work on this one. */
function moved(card, base) {
  const absolute = (value) => (value.startsWith("#") ? value : new URL(value, base).href);
  card.querySelectorAll("[href], [src], [srcset]").forEach((node) => {
    ["href", "src"].forEach((name) => {
      if (node.hasAttribute(name)) { node.setAttribute(name, absolute(node.getAttribute(name))); }
    });
    if (node.hasAttribute("srcset")) {
      node.setAttribute("srcset", node.getAttribute("srcset").split(",").map((part) => {
        const [url, ...size] = part.trim().split(/\s+/);
        return [absolute(url)].concat(size).join(" ");
      }).join(", "));
    }
  });
  return card;
}

export class Listing {
  /* The cards are kept as their HTML, not as 10,000 detached elements: strings cost the garbage
     collector nothing, so filtering stays smooth. A card is made again from its own markup (the
     browser's serialisation of what it parsed, so text stays text) when shown. This page holds
     the first page of cards; the others come from the page of the plain listing that holds
     them (page/N/), fetched when a card of it is first shown, a placeholder standing in until
     then. on.arrived() is called once such a page is in. */
  constructor(root, numbers, on) {
    this.list = root.querySelector("[data-kf-cards]");
    this.more = root.querySelector("[data-kf-more]");
    this.count = root.querySelector("[data-kf-count]");
    this.numbers = numbers;
    this.on = on;
    this.pages = root.getAttribute("data-pages");
    this.pageSize = Number(root.getAttribute("data-page-size")) || 0;
    this.markup = new Map();
    this.list.querySelectorAll("[data-kit]").forEach((li) => this.markup.set(li.getAttribute("data-kit"), li.outerHTML));
    this.made = new Map();
    this.fetching = new Map();
  }

  /* The kits listed, by index from now on (the roster's order, which its pages follow); at:
     each slug's index. */
  adopt(kits, at) {
    this.kits = kits;
    this.html = kits.map((k) => this.markup.get(k.slug) || null);
    this.markup = null;
    // The cards the server wrote stay as they are: the first view shows them without making
    // them again, so the page is not laid out twice when the index arrives.
    this.list.querySelectorAll("[data-kit]").forEach((li, k) => {
      const i = at.get(li.getAttribute("data-kit"));
      if (i !== undefined) { this.made.set(i, li); }
      li.classList.toggle(LATER, k >= FIRST_LAID_OUT); // as the plain listing had it (roster.css)
    });
    this.list.setAttribute("data-kf-enhanced", "");
  }

  /* How many of the list's first places are on the screen or near it (half a screen below),
     read from the layout as it stands, before anything changes it (so reading costs nothing);
     Infinity when every card now shown is. */
  nearScreen() {
    const reach = window.innerHeight * 1.5;
    const cards = this.list.children;
    for (let k = 0; k < cards.length; k++) {
      if (cards[k].getBoundingClientRect().top > reach) { return k; }
    }
    return Infinity;
  }

  /* Shows the first limit of shown (kit indexes). marks: the state's shortlist and
     compare picks, and the fit of each slug when ranking by fit. */
  render(shown, limit, marks) {
    const near = this.nearScreen();
    const visible = Math.min(limit, shown.length);
    const indexes = shown.slice(0, visible);
    const cards = this.cards(indexes);
    for (let k = 0; k < cards.length; k++) {
      const kit = this.kits[shown[k]];
      decorate(cards[k], kit, marks, marks.fit ? marks.fit.get(kit.slug) : null);
      // A card coming in far below the screen is laid out once it comes near (roster.css); one
      // coming in near the screen, or already laid out, is laid out now. The browser takes a
      // frame to find a skipped card on screen, which would show it empty for that frame.
      if (k < near) { cards[k].classList.remove(LATER); } else if (!cards[k].isConnected) { cards[k].classList.add(LATER); }
    }
    this.place(cards);
    this.more.hidden = visible >= shown.length;
    setText(this.more.querySelector("button"), t("show_more", { n: this.numbers.format(shown.length - visible) }));
    this.fetchPagesOf(indexes);
  }

  /* Makes the list's children cards, in order, moving as few as it can: a card that stays where
     it was is not touched, so the browser neither styles nor lays it out again (taking a card out
     of the document drops both) and focus in it stays put. */
  place(cards) {
    const list = this.list;
    const keep = new Set(cards);
    for (let child = list.firstElementChild; child;) {
      const next = child.nextElementSibling;
      if (!keep.has(child)) { child.remove(); }
      child = next;
    }
    let at = list.firstElementChild;
    for (const card of cards) {
      if (card === at) { at = at.nextElementSibling; } else { list.insertBefore(card, at); }
    }
  }

  /* The elements of the given cards: those made before, the others made from their markup,
     or a placeholder while their page is on its way. */
  cards(indexes) {
    const cache = this.made;
    const missing = indexes.filter((i) => !cache.has(i) && this.html[i] !== null);
    if (missing.length) {
      const template = document.createElement("template");
      template.innerHTML = missing.map((i) => this.html[i]).join("");
      const made = Array.from(template.content.children);
      missing.forEach((i, k) => cache.set(i, made[k]));
    }
    const cards = indexes.map((i) => cache.get(i) || this.placeholder(i));
    if (cache.size > 4 * PAGE + indexes.length) {
      const keep = new Set(indexes);
      cache.forEach((_, i) => { if (!keep.has(i)) { cache.delete(i); } });
    }
    return cards;
  }

  placeholder(i) {
    const kit = this.kits[i];
    const li = el("li", { "class": "kf-card kf-card--waiting", "data-kit": kit.slug });
    const body = el("div", { "class": "kf-card__body" });
    const link = el("a", { "class": "kf-card__link", href: kit.path });
    link.append(el("span", { "class": "kf-card__name", dir: "auto" }, kit.name));
    body.append(link, el("p", { "class": "kf-eyebrow" }, kit.niche));
    li.append(body);
    this.made.set(i, li);
    return li;
  }

  /* Fetches the pages of the listing that hold cards not yet in. */
  fetchPagesOf(indexes) {
    if (!this.pageSize || !this.pages) { return; }
    indexes.filter((i) => this.html[i] === null).forEach((i) => {
      const number = Math.floor(i / this.pageSize) + 1;
      if (!this.fetching.has(number)) { this.fetching.set(number, this.fetchPage(number)); }
    });
  }

  fetchPage(number) {
    const url = new URL(this.pages + number + "/", location.href);
    return fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(url + ": " + r.status))))
      .then((text) => {
        const page = new DOMParser().parseFromString(text, "text/html");
        const start = (number - 1) * this.pageSize;
        page.querySelectorAll("[data-kf-cards] > [data-kit]").forEach((li, k) => {
          const i = start + k;
          if (i < this.kits.length && this.kits[i].slug === li.getAttribute("data-kit")) {
            this.html[i] = moved(li, url).outerHTML;
            if (this.made.has(i) && this.made.get(i).classList.contains("kf-card--waiting")) { this.made.delete(i); }
          }
        });
        this.on.arrived();
      })
      .catch((error) => {
        this.fetching.delete(number);
        console.warn("Kitfolio: page " + number + " of the roster could not be had (" + error.message + ")");
      });
  }

  showCount(matched, excluded) {
    const all = this.kits.length;
    const format = (n) => this.numbers.format(n);
    let text = matched === all && !excluded
      ? t("creators", { n: format(matched) }, matched)
      : t("matching", { n: format(matched), total: format(all) }, matched);
    if (!matched && !excluded) { text = t("no_match"); }
    if (excluded) { text += " · " + t("excluded", { n: format(excluded) }, excluded); }
    setText(this.count, text);
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
  star.append(el("span", { "aria-hidden": "true" }, "☆"), el("span", {}, " " + t("shortlist_add")));
  const label = el("label", { "class": "kf-check kf-pick" });
  label.append(el("input", { type: "checkbox", "data-kf-pick": "" }), document.createTextNode(" " + t("compare")));
  actions.append(star, label);
  li.append(actions);
  return actions;
}

function decorate(li, kit, marks, fit) {
  const starred = marks.shortlist.includes(kit.slug);
  const picked = marks.compare.includes(kit.slug);
  const full = marks.compare.length >= MAX_COMPARE;
  // A card drawn as it is now is left alone: most filter changes move cards, not change them.
  const drawn = [starred, picked, full, fit ? fit.score : "", fit ? fit.excluded : ""].join("\u0000");
  if (li.kfDrawn === drawn && !fit) { return; }
  li.kfDrawn = drawn;
  const actions = actionsOf(li);
  const button = actions.querySelector("[data-kf-star]");
  button.setAttribute("aria-pressed", starred ? "true" : "false");
  button.setAttribute("aria-label", t(starred ? "shortlist_remove_name" : "shortlist_add_name", { name: kit.name }));
  button.firstChild.textContent = starred ? "★" : "☆";
  const pick = actions.querySelector("[data-kf-pick]");
  pick.checked = picked;
  pick.disabled = !picked && full;
  pick.setAttribute("aria-label", t("compare_name", { name: kit.name }));
  let box = li.querySelector(".kf-card__fit");
  li.classList.toggle("kf-card--excluded", Boolean(fit && fit.excluded !== null));
  if (!fit) { if (box) { box.remove(); } return; }
  if (!box) { box = el("div", { "class": "kf-card__fit" }); li.insertBefore(box, actions); }
  box.replaceChildren();
  if (fit.excluded !== null) {
    box.append(el("p", { "class": "kf-fit__excluded" }, t("fit_excluded", { reason: fit.excluded })));
    return;
  }
  box.append(el("p", { "class": "kf-fit__score" }, t("fit_score", { score: fit.score })));
  if (fit.reasons.length) {
    const reasons = el("ul", { "class": "kf-fit__reasons" });
    fit.reasons.forEach((r) => reasons.append(el("li", {}, r)));
    box.append(reasons);
  }
}
