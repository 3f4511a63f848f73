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

  // A link such as a pitch's "Start an enquiry" (?brand=...&deliverables=...) fills the form:
  // text fields that are still empty, and the checkboxes whose value it names.
  function prefill(form) {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (key) {
      var wanted = params.getAll(key);
      if (!wanted.length) { return; }
      Array.prototype.forEach.call(form.querySelectorAll("[name='" + key + "']"), function (field) {
        if (field.type === "checkbox") {
          if (wanted.indexOf(field.value) !== -1) { field.checked = true; }
        } else if (field.value === "") {
          field.value = wanted[0];
        }
      });
    });
  }

  // The go-live date may not come before the start: the date picker starts at the start date,
  // and a date typed earlier is refused with the message shown next to the fields.
  function checkDates(form) {
    var start = form.querySelector("[name='start']");
    var end = form.querySelector("[name='end']");
    var message = form.querySelector("[data-kf-dates-error]");
    if (!start || !end || !message) { return true; }
    end.min = start.value;
    var refused = start.value !== "" && end.value !== "" && end.value < start.value;
    end.setCustomValidity(refused ? message.textContent.trim() : "");
    if (refused) { end.setAttribute("aria-invalid", "true"); } else { end.removeAttribute("aria-invalid"); }
    message.hidden = !refused;
    return !refused;
  }

  function enhance(form) {
    var result = form.querySelector("[data-kf-result]");
    var link = form.querySelector("[data-kf-mailto]");
    prefill(form);
    ["start", "end"].forEach(function (name) {
      var field = form.querySelector("[name='" + name + "']");
      if (field) { field.addEventListener("change", function () { checkDates(form); }); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      checkDates(form);
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
