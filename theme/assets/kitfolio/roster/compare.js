/* Compare 2 to 4 creators side by side: a tray of the picks, then a dialog with a table, one
   creator per column and the row names kept in view on a phone. The table shows each kit's own
   kit.json, whose figures and labels the site has already written out (display), the very texts
   of the cards and kit pages, so nothing here formats a number or names a tier. */

import { details } from "./details.js";
import { el } from "./dom.js";
import { t } from "./messages.js";
import { visibleLines } from "./prices.js";
import { MAX_COMPARE } from "./state.js";

/* The largest top shares, as the site writes them, one per line: "United Kingdom 62%". */
function topShares(shares, texts, names, top) {
  return Object.keys(shares || {}).filter((k) => texts && texts[k])
    .sort((a, b) => shares[b] - shares[a]).slice(0, top)
    .map((k) => ((names && names[k]) || k) + " " + texts[k]);
}

function shown(kit) { return kit.display || { platforms: [], audience: {} }; }

function engagement(kit) {
  const d = shown(kit);
  return d.engagement ? [d.engagement, d.engagement_basis].filter(Boolean).join(" ") : "";
}

/* Each row: its message key and the lines of each kit's cell. */
const ROWS = [
  ["row_tier", (k) => [shown(k).tier]],
  ["row_total", (k) => [shown(k).total_followers]],
  ["row_engagement", (k) => [engagement(k)]],
  ["row_platforms", (k) => shown(k).platforms.map((p) => p.label + " " + p.followers)],
  ["row_countries", (k) => topShares((k.audience || {}).countries, shown(k).audience.countries, shown(k).audience.names, 3)],
  ["row_age", (k) => topShares((k.audience || {}).age, shown(k).audience.age, null, 3)],
  ["row_gender", (k) => topShares((k.audience || {}).gender, shown(k).audience.gender, null, 3)],
  ["row_values", (k) => [(k.values || []).join(", ")]],
  ["row_prices", (k) => visibleLines(k)]
];

function cell(tag, attrs, lines) {
  const node = el(tag, attrs);
  const filled = lines.filter(Boolean);
  if (!filled.length) {
    node.append(el("span", { "class": "kf-compare__none" }, t("none")));
    return node;
  }
  filled.forEach((line) => node.append(el("span", { "class": "kf-compare__line" }, line)));
  return node;
}

function creatorHead(kit) {
  const th = el("th", { scope: "col" });
  th.append(el("a", { href: kit.path, "class": "kf-compare__name", dir: "auto" }, kit.name));
  if (kit.niche) { th.append(el("span", { "class": "kf-compare__niche" }, kit.niche)); }
  return th;
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
    tray.append(el("span", {}, t("tray", { n: picked.length, max: MAX_COMPARE })));
    const open = el("button", { type: "button", "class": "md-button md-button--primary", "data-kf-open-compare": "" },
      t("open_compare", { n: picked.length }));
    open.disabled = picked.length < 2;
    open.addEventListener("click", () => on.open());
    const clear = el("button", { type: "button", "class": "md-button" }, t("clear"));
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
    const close = el("button", { type: "button", "class": "md-button", "data-kf-close": "" }, t("close"));
    close.addEventListener("click", () => dialog.close());
    // Focus starts on the title, so a screen reader announces the comparison first.
    head.append(el("h2", { id: "kf-compare-title", tabindex: "-1", autofocus: "" }, t("compare_title")), close);
    dialog.append(head);
    const table = el("table", { "class": "kf-compare__table" });
    table.style.setProperty("--kf-columns", String(kits.length));
    const top = el("tr");
    top.append(el("th", { scope: "col", "class": "kf-compare__corner" }, t("creator")));
    kits.forEach((k) => top.append(creatorHead(k)));
    const thead = el("thead");
    thead.append(top);
    table.append(thead);
    const terms = [];
    kits.forEach((k) => Object.keys(k.terms || {}).forEach((code) => { if (!terms.includes(code)) { terms.push(code); } }));
    const termName = (code) => kits.map((k) => (shown(k).terms || {})[code]).find(Boolean) || code;
    const rows = ROWS.map(([key, lines]) => [t(key), lines])
      .concat(terms.map((code) => [termName(code), (k) => [(k.terms || {})[code]]]));
    const body = el("tbody");
    rows.forEach(([label, lines]) => {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, label));
      kits.forEach((k) => tr.append(cell("td", {}, lines(k))));
      body.append(tr);
    });
    table.append(body);
    const wrap = el("div", { "class": "kf-compare__scroll" });
    wrap.append(table);
    dialog.append(wrap);
    if (!dialog.open) { dialog.showModal(); }
  }
}
