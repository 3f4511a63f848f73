/* The shortlist: kept in the URL (to share) and in localStorage (to come back to), and shown as
   a panel with its links, a CSV download and a link to share it. */

import { el } from "./dom.js";
import { t } from "./messages.js";
import { listOf, queryOf } from "./state.js";

/* A link that opens the roster on just these creators. */
function shareLink(slugs) {
  const params = new URLSearchParams();
  params.set("shortlist", slugs.join(","));
  params.set("view", "shortlist");
  return location.origin + location.pathname + "?" + queryOf(params);
}

export class Shortlist {
  constructor(root) {
    this.panel = root.querySelector("[data-kf-shortlist]");
    this.storageKey = "kitfolio:shortlist:" + location.pathname;
  }

  load() {
    try { return listOf(localStorage.getItem(this.storageKey) || ""); } catch (e) { return []; }
  }

  save(slugs) {
    try { localStorage.setItem(this.storageKey, slugs.join(",")); } catch (e) { /* private mode */ }
  }

  /* kits: the shortlisted kits, in the order they were added. on.only() toggles the
     view of the shortlist alone, on.download() asks for the CSV. */
  show(kits, onlyShown, on) {
    const panel = this.panel;
    if (!panel) { return; }
    panel.hidden = !kits.length;
    panel.replaceChildren();
    if (!kits.length) { return; }
    panel.append(el("h2", { id: "kf-shortlist-title" }, t("shortlist_title", { n: kits.length })));
    const list = el("ol", { "class": "kf-shortlist__list" });
    kits.forEach((kit) => {
      const item = el("li");
      item.append(el("a", { href: kit.path }, kit.name));
      list.append(item);
    });
    panel.append(list);
    const actions = el("p", { "class": "kf-actions" });
    const only = el("button", { type: "button", "class": "md-button", "data-kf-only": "", "aria-pressed": String(onlyShown) },
      t(onlyShown ? "show_everyone" : "show_shortlist"));
    only.addEventListener("click", () => on.only());
    const download = el("button", { type: "button", "class": "md-button", "data-kf-csv": "" }, t("download_csv"));
    download.addEventListener("click", () => on.download());
    const copy = el("button", { type: "button", "class": "md-button", "data-kf-copy": "" }, t("copy_link"));
    const link = el("input", { type: "url", readonly: "", "class": "kf-shortlist__link", "aria-label": t("shortlist_link"), "data-kf-link": "" });
    link.value = shareLink(kits.map((k) => k.slug));
    copy.addEventListener("click", () => {
      link.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(link.value).catch(() => { /* selected for copying */ }); }
      copy.textContent = t("link_copied");
    });
    actions.append(only, download, copy);
    panel.append(actions, link);
  }
}

/* list with slug added, or taken out when it was there. */
export function toggled(list, slug) {
  return list.includes(slug) ? list.filter((s) => s !== slug) : list.concat([slug]);
}
