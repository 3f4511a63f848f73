/* A kit's prices as one line of text, from the texts the site itself wrote (kits.json gives
   only what the rate visibility shows). */

import { t } from "./text.js";

export function visiblePrices(kit) {
  const rates = kit.rates;
  if (!rates) { return ""; }
  const lines = (rates.items || []).concat(rates.packages || []).filter((l) => l.text);
  if (!lines.length) { return rates.visibility === "public" || rates.visibility === "from" ? "" : t("On request"); }
  return lines.map((l) => l.name + ": " + l.text).join("; ");
}
