/* The shortlist as a CSV file for a spreadsheet: one row per creator. */

import { el } from "./dom.js";
import { visiblePrices } from "./prices.js";
import { t } from "./text.js";

const HEADER = ["Name", "Media kit", "Platforms and followers", "Total followers", "Engagement rate weighted by followers (%)",
  "Visible prices", "Contact"];

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
  const rows = [HEADER.map((label) => t(label))].concat(kits.map((kit) => [
    kit.name, kit.url,
    (kit.platforms || []).map((p) => p.label + " " + p.followers).join("; "),
    kit.total_followers, kit.engagement, visiblePrices(kit), contact(kit)
  ]));
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function downloadCSV(kits) {
  const blob = new Blob(["\ufeff" + csv(kits)], { type: "text/csv;charset=utf-8" });
  const link = el("a", { download: "shortlist.csv", href: URL.createObjectURL(blob) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
