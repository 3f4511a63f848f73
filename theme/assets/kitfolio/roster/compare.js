/* Compare 2 to 4 creators side by side: a tray of the picks, then a dialog with a table. The
   table shows each kit's own kit.json, whose figures the site has already written out
   (display), so nothing here formats a number. */

import { el } from "./dom.js";
import { visiblePrices } from "./prices.js";
import { MAX_COMPARE } from "./state.js";
import { t } from "./text.js";

const NONE = "—";

/* The largest top shares, as the site writes them: "GB 62% · US 14%". */
function topShares(shares, texts, top) {
  return Object.keys(shares || {}).filter((k) => texts && texts[k])
    .sort((a, b) => shares[b] - shares[a]).slice(0, top)
    .map((k) => k + " " + texts[k]).join(" · ");
}

function shown(kit) { return kit.display || { platforms: [], audience: {} }; }

/* [msgid of the row's label, its value]: labels are translated when the table is drawn. */
const ROWS = [
  ["Platforms", (k) => shown(k).platforms.map((p) => p.label + " " + p.followers).join(" · ")],
  ["Total followers", (k) => shown(k).total_followers],
  ["Engagement, weighted by followers", (k) => shown(k).engagement],
  ["Tier", (k) => shown(k).tier],
  ["Top countries", (k) => topShares((k.audience || {}).countries, shown(k).audience.countries, 3)],
  ["Age", (k) => topShares((k.audience || {}).age, shown(k).audience.age, 3)],
  ["Gender", (k) => topShares((k.audience || {}).gender, shown(k).audience.gender, 3)],
  ["Values", (k) => (k.values || []).join(", ")],
  ["Prices", (k) => visiblePrices(k)]
];

/* Each kit's own feed; the roster's card of it when that cannot be had. */
function details(kits) {
  return Promise.all(kits.map((kit) => fetch(kit.path + "kit.json")
    .then((r) => (r.ok ? r.json() : null))
    .then((feed) => (feed && feed.kit ? feed.kit : kit), () => kit)));
}

export class Compare {
  constructor(root) {
    this.tray = root.querySelector("[data-kf-tray]");
    this.dialog = root.querySelector("[data-kf-compare]");
  }

  /* picked: the kits chosen so far. on.open() opens the dialog, on.clear() empties
     the picks. */
  showTray(picked, on) {
    const tray = this.tray;
    tray.hidden = !picked.length;
    tray.replaceChildren();
    if (!picked.length) { return; }
    tray.append(el("span", {}, t("%(count)s of %(max)s selected to compare", { count: picked.length, max: MAX_COMPARE })));
    const open = el("button", { type: "button", "class": "md-button md-button--primary", "data-kf-open-compare": "" },
      t("Compare (%(count)s)", { count: picked.length }));
    open.disabled = picked.length < 2;
    open.addEventListener("click", () => on.open());
    const clear = el("button", { type: "button", "class": "md-button" }, t("Clear"));
    clear.addEventListener("click", () => on.clear());
    tray.append(open, clear);
  }

  open(kits) {
    return details(kits).then((full) => this.show(full));
  }

  show(kits) {
    const dialog = this.dialog;
    dialog.replaceChildren();
    const head = el("div", { "class": "kf-compare__head" });
    const close = el("button", { type: "button", "class": "md-button", "data-kf-close": "" }, t("Close"));
    close.addEventListener("click", () => dialog.close());
    // Focus starts on the title, so a screen reader announces the comparison first.
    head.append(el("h2", { id: "kf-compare-title", tabindex: "-1", autofocus: "" }, t("Compare creators")), close);
    dialog.append(head);
    const table = el("table", { "class": "kf-compare__table" });
    const top = el("tr");
    top.append(el("th", { scope: "col" }, t("Creator")));
    kits.forEach((k) => {
      const th = el("th", { scope: "col" });
      th.append(el("a", { href: k.path }, k.name));
      top.append(th);
    });
    const thead = el("thead");
    thead.append(top);
    table.append(thead);
    const terms = [];
    kits.forEach((k) => Object.keys(k.terms || {}).forEach((term) => { if (!terms.includes(term)) { terms.push(term); } }));
    const termName = (term) => kits.map((k) => (shown(k).terms || {})[term]).find(Boolean) || term;
    const rows = ROWS.map(([label, value]) => [t(label), value])
      .concat(terms.map((term) => [termName(term), (k) => (k.terms || {})[term]]));
    const body = el("tbody");
    rows.forEach(([label, value]) => {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, label));
      kits.forEach((k) => tr.append(el("td", {}, value(k) || NONE)));
      body.append(tr);
    });
    table.append(body);
    const wrap = el("div", { "class": "kf-compare__scroll" });
    wrap.append(table);
    dialog.append(wrap);
    if (!dialog.open) { dialog.showModal(); }
  }
}
