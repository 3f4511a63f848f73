/* The shortlist as a CSV file for a spreadsheet: one row per creator. */

import { details } from "./details.js";
import { el } from "./dom.js";
import { words } from "./messages.js";
import { visiblePrices } from "./prices.js";

/* A cell a spreadsheet reads as text: quoted when needed, and never run as a formula. */
function cell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
  return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
}

function contact(kit) {
  const c = kit.contact || {};
  const manager = c.manager && c.manager.email ? c.manager.name + " <" + c.manager.email + ">" : null;
  return [c.email, manager, c.booking_url].filter(Boolean).join("; ");
}

/* Figures stay numbers here, as the feed gives them, for the spreadsheet to compute with. */
export function csv(kits) {
  const rows = [words("csv_header")].concat(kits.map((kit) => [
    kit.name, kit.url,
    (kit.platforms || []).map((p) => p.label + " " + p.followers).join("; "),
    kit.total_followers, kit.engagement, visiblePrices(kit), contact(kit)
  ]));
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/* The shortlist's file, from each kit's own feed (the index holds no contact). */
export function downloadCSV(kits) {
  return details(kits).then((full) => save(full));
}

function save(kits) {
  const blob = new Blob(["\ufeff" + csv(kits)], { type: "text/csv;charset=utf-8" });
  const link = el("a", { download: "shortlist.csv", href: URL.createObjectURL(blob) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
