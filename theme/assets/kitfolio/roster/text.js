/* The roster's interface text in the page's language: the page's data-kf-messages, written from
   the message catalogs and keyed by the English msgid (see ../messages.js and roster.html). A
   message the page does not carry stays in English. */

const page = window.kitfolioMessages ? window.kitfolioMessages(document) : null;

function fill(text, values) {
  return String(text).replace(/%\((\w+)\)[sd]/g, (whole, name) =>
    (values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}

/* t("Compare %(name)s", {name}): one message. */
export function t(msgid, values) {
  return page ? page.t(msgid, values) : fill(msgid, values);
}

/* n("%(num)s creator", count, {num: "1,204"}): the form of a counted message for count. */
export function n(msgid, count, values) {
  return page ? page.n(msgid, count, values) : fill(msgid, Object.assign({ num: count }, values));
}
