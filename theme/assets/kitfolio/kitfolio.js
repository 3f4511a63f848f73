/* Kitfolio: the enquiry brief builder. Composes a structured email from the form, in the page's
   language (its words come from the form's data-kf-messages, see messages.js); nothing is sent
   anywhere but the brand's own mail app. Without JavaScript the form still posts to mailto. */
(function () {
  "use strict";

  var FIELDS = ["brand", "product", "goal", "deliverables", "start", "end", "budget", "usage", "name", "notes"];

  function compose(form) {
    var words = window.kitfolioMessages(form);
    var data = new FormData(form);
    var lines = [];
    FIELDS.forEach(function (key) {
      var values = data.getAll(key).map(function (v) { return String(v).trim(); })
        .filter(function (v) { return v !== ""; });
      if (values.length) { lines.push(words.t("field." + key) + ": " + values.join(", ")); }
    });
    var brand = String(data.get("brand") || "").trim();
    var creator = form.dataset.creator;
    var subject = brand ? words.t("subject.brand", { brand: brand, creator: creator })
      : words.t("subject", { creator: creator });
    var body = words.t("greeting", { creator: creator }) + "\n\n" +
      words.t("intro") + "\n\n" + lines.join("\n") + "\n\n" + words.t("thanks");
    // Built from parts, each encoded once: nothing in the address can add a header (?bcc=).
    return "mailto:" + encodeURIComponent(form.dataset.to).replace(/%40/g, "@") +
      "?subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(body.replace(/\n/g, "\r\n"));
  }

  function enhance(form) {
    var result = form.querySelector("[data-kf-result]");
    var link = form.querySelector("[data-kf-mailto]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.reportValidity()) { return; }
      var href = compose(form);
      link.setAttribute("href", href);
      result.hidden = false;
      window.location.href = href;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-kf-brief]"), enhance);
  }

  // A protected page (protect.js) shows its content once the password opens it.
  document.addEventListener("kitfolio:content", function (event) {
    Array.prototype.forEach.call(event.detail.querySelectorAll("form[data-kf-brief]"), enhance);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
