/* The page's hreflang links (partials/alternates.html) are page-level: each names this page in
 * another language. Material's language script (integrations/alternate) takes every
 * <link rel="alternate"> for the root of a whole language site: once the DOM is ready it fetches
 * sitemap.xml below each (a 404 per link and page view, off-site where site_url is another host)
 * and steers clicks into it. Kitfolio's own switcher links page to page and needs none of that,
 * so the links step aside for that one moment: a deferred script runs after material's bundle
 * has registered its DOMContentLoaded listener and before the event, and listeners run in the
 * order they were added. The document is as written again before anything else reads it. */
(() => {
  const links = [...document.querySelectorAll("link[rel=alternate][data-kf-version]")];
  for (const link of links) link.rel = "kf-version";
  document.addEventListener(
    "DOMContentLoaded",
    () => {
      for (const link of links) link.rel = "alternate";
    },
    { once: true },
  );
})();
