/* A kit's prices as the site itself wrote them (kits.json gives only what the rate visibility
   shows): one line per price, or one line as a whole. */

import { t } from "./messages.js";

/* "Reel: £400" for each visible price; "On request" when prices are asked for. */
export function visibleLines(kit) {
  const rates = kit.rates;
  if (!rates) { return []; }
  const lines = (rates.items || []).concat(rates.packages || []).filter((l) => l.text);
  if (!lines.length) { return rates.visibility === "public" || rates.visibility === "from" ? [] : [t("on_request")]; }
  return lines.map((l) => l.name + ": " + l.text);
}

export function visiblePrices(kit) { return visibleLines(kit).join("; "); }
