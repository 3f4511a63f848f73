/* Each kit's own feed (<slug>/kit.json): what the compact index leaves out (contact, the
   prices' texts, the figures as the site writes them), fetched for the few kits that need it. */

export function details(kits) {
  return Promise.all(kits.map((kit) => fetch(kit.path + "kit.json")
    .then((r) => (r.ok ? r.json() : null))
    .then((feed) => (feed && feed.kit ? feed.kit : kit), () => kit)));
}
