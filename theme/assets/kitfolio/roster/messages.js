/* The roster's words, as the page wrote them in its own language (a JSON blob the template
   renders through the message catalogs): the script writes no English of its own. */

const node = document.querySelector("[data-kf-messages]");
const MESSAGES = node ? JSON.parse(node.textContent) : {};
const PLURALS = new Intl.PluralRules(document.documentElement.lang || "en");

/* The message of key with its {placeholders} filled from vars; a plural message takes the
   form for count. */
export function t(key, vars = {}, count = null) {
  let text = MESSAGES[key];
  if (text && typeof text === "object" && !Array.isArray(text)) {
    text = text[PLURALS.select(count === null ? 0 : count)] || text.other;
  }
  return String(text === undefined ? key : text)
    .replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/* A list of words, such as the CSV file's header. */
export function words(key) { return Array.isArray(MESSAGES[key]) ? MESSAGES[key] : []; }
