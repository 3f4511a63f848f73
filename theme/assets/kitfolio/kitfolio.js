/* Kitfolio: the enquiry brief builder. Composes a structured email from the form; nothing is
   sent anywhere but the brand's own mail app. Without JavaScript the form still posts to mailto. */
(function () {
  "use strict";

  var LABELS = {
    brand: "Brand", product: "Product or campaign", goal: "Goal", deliverables: "Deliverables",
    start: "Start", end: "Go-live by", budget: "Budget", usage: "Usage", name: "Contact", notes: "Notes"
  };

  function compose(form) {
    var data = new FormData(form);
    var lines = [];
    Object.keys(LABELS).forEach(function (key) {
      var values = data.getAll(key).map(function (v) { return String(v).trim(); })
        .filter(function (v) { return v !== ""; });
      if (values.length) { lines.push(LABELS[key] + ": " + values.join(", ")); }
    });
    var brand = String(data.get("brand") || "").trim();
    var subject = "Partnership enquiry" + (brand ? " from " + brand : "") + " for " + form.dataset.creator;
    var body = "Hello " + form.dataset.creator + ",\n\n" +
      "We'd like to work with you. Here is our brief:\n\n" + lines.join("\n") + "\n\nThank you!";
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
