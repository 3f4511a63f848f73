/* The compact index (kits-index.json), read by the index worker (index-worker.js) so that the
   9 MB of a 10,000-creator roster never block the page: the page gets the filters' columns,
   the sort orders and, per kit, only what its cards and panels show. Brand fit ranks in the
   worker too. Where a worker cannot start, the same work is done here, on the page. */

import { Filters, columnsOf } from "./filters.js";
import { rank } from "./fit.js";

/* What the page shows of each kit: the rest comes from the kit's own kit.json when needed. */
export function cardsOf(kits) {
  return kits.map((k) => ({ slug: k.slug, name: k.name, path: k.path, niche: k.niche }));
}

/* A ranking as it crosses to the page: slugs, scores and reasons as [msgid, values]. */
export function fitsOf(fits) {
  return fits.map((f) => ({ slug: f.slug, score: f.score, reasons: f.reasons, excluded: f.excluded }));
}

/* Resolves to {cards, filters, exchange, rank(brief) → Promise of fits}. */
export function loadIndex(url, currency) {
  let worker = null;
  try { worker = new Worker(new URL("./index-worker.js", import.meta.url), { type: "module" }); } catch (e) { worker = null; }
  return worker ? inWorker(worker, url, currency).catch(() => onPage(url)) : onPage(url);
}

function inWorker(worker, url, currency) {
  const waiting = new Map();
  let asked = 0;
  return new Promise((resolve, reject) => {
    worker.addEventListener("error", (e) => { e.preventDefault(); worker.terminate(); reject(new Error("worker")); });
    worker.addEventListener("message", (event) => {
      const told = event.data;
      if (told.failed) { worker.terminate(); reject(new Error(told.failed)); }
      if (told.loaded) {
        const { cards, exchange, columns, orders } = told.loaded;
        const rankIn = (brief) => new Promise((done) => {
          asked += 1;
          waiting.set(asked, done);
          worker.postMessage({ rank: brief, id: asked });
        });
        const slugs = cards.map((card) => card.slug);
        resolve({ cards, exchange, filters: new Filters(columns, exchange, orders, slugs), rank: rankIn });
      }
      if (told.ranked) { waiting.get(told.ranked)(told.fits); waiting.delete(told.ranked); }
    });
    worker.postMessage({ load: new URL(url, location.href).href, currency });
  });
}

function onPage(url) {
  return fetch(url)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.url + ": " + r.status))))
    .then((feed) => {
      const kits = feed.kits || [];
      const exchange = feed.exchange_rates || null;
      const say = (msgid, values) => [msgid, values];
      return {
        cards: cardsOf(kits), exchange, filters: new Filters(columnsOf(kits), exchange, {}, kits.map((k) => k.slug)),
        rank: (brief) => Promise.resolve(fitsOf(rank(kits, brief, say)))
      };
    });
}
