/* Kitfolio: the page's interface text for its scripts. A page carries its messages, already in
   its language, as JSON (<script type="application/json" data-kf-messages>, written from the
   message catalogs); this reads them and fills placeholders. Plurals hold one text per CLDR
   category, chosen with Intl.PluralRules in the page's language. */
(function () {
  "use strict";

  var language = document.documentElement.lang || "en";
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language) : null;

  function fill(text, values) {
    return String(text).replace(/%\((\w+)\)[sd]/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    }).replace(/%%/g, "%");
  }

  function read(node) {
    try { return JSON.parse(node.textContent || "{}"); } catch (error) { return {}; }
  }

  /* The messages of a page (or of one element holding its own data-kf-messages). */
  function messages(scope) {
    var node = (scope || document).querySelector("script[data-kf-messages]");
    var table = node ? read(node) : {};
    return {
      t: function (key, values) { return fill(key in table ? table[key] : key, values); },
      n: function (key, count, values) {
        var forms = table[key] || {};
        var category = rules ? rules.select(count) : (count === 1 ? "one" : "other");
        var text = forms[category] || forms.other || key;
        var all = { num: count };
        Object.keys(values || {}).forEach(function (k) { all[k] = values[k]; });
        return fill(text, all);
      }
    };
  }

  window.kitfolioMessages = messages;
})();
