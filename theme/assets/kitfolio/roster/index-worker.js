/* The roster's index worker: fetches and reads kits-index.json (9 MB at 10,000 creators) off
   the page's main thread, makes the filters' columns and sort orders, and hands them over with
   the few fields the page itself shows of each kit. It keeps the whole kits, to rank them for a
   brand's brief when asked (brand fit reads more of each kit than the filters do). */

import { Filters, columnsOf, transferables } from "./filters.js";
import { rank } from "./fit.js";
import { cardsOf, fitsOf } from "./index.js";

let kits = [];

self.addEventListener("message", (event) => {
  const ask = event.data;
  if (ask.load) {
    fetch(ask.load)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.url + ": " + r.status))))
      .then((feed) => {
        kits = feed.kits || [];
        const exchange = feed.exchange_rates || null;
        const columns = columnsOf(kits);
        const filters = new Filters(columns, exchange);
        filters.warm(ask.currency);
        const orders = filters.orders;
        self.postMessage({ loaded: { cards: cardsOf(kits), exchange, columns, orders } }, transferables(columns, orders));
      })
      .catch((error) => self.postMessage({ failed: String(error.message || error) }));
  }
  if (ask.rank) {
    self.postMessage({ ranked: ask.id, fits: fitsOf(rank(kits, ask.rank, (msgid, values) => [msgid, values])) });
  }
});
