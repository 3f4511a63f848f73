/* Kitfolio: opens a protected page. The build published its content only as AES-256-GCM
   ciphertext under a key derived from the password by PBKDF2-HMAC-SHA256 (outputs/protect.py);
   this derives the same key with the Web Crypto API, decrypts, and shows the content. Nothing
   leaves the browser: the password is checked by the decryption itself. */
(function () {
  "use strict";

  function bytes(base64) {
    var text = atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i += 1) { out[i] = text.charCodeAt(i); }
    return out;
  }

  function decrypt(payload, password) {
    var subtle = window.crypto.subtle;
    var secret = new TextEncoder().encode(password);
    return subtle.importKey("raw", secret, "PBKDF2", false, ["deriveKey"])
      .then(function (base) {
        return subtle.deriveKey(
          { name: "PBKDF2", hash: "SHA-256", salt: bytes(payload.salt), iterations: payload.iterations },
          base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
      })
      .then(function (key) {
        return subtle.decrypt({ name: "AES-GCM", iv: bytes(payload.iv) }, key, bytes(payload.ciphertext));
      })
      .then(function (plain) { return new TextDecoder().decode(plain); });
  }

  function show(section, html) {
    var target = section.parentNode.querySelector("[data-kf-unlocked]");
    target.innerHTML = html;
    target.hidden = false;
    section.parentNode.removeChild(section);
    var heading = target.querySelector("h1");
    var focus = heading || target;
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      var suffix = document.title.indexOf(" · ") >= 0 ? document.title.slice(document.title.indexOf(" · ")) : "";
      document.title = heading.textContent.trim() + suffix;
    }
    focus.focus();
    document.dispatchEvent(new CustomEvent("kitfolio:content", { detail: target }));
  }

  function say(status, text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function enhance(section) {
    if (section.dataset.kfReady) { return; }
    section.dataset.kfReady = "yes";
    var form = section.querySelector("form");
    var input = form.querySelector("input[type=password]");
    var button = form.querySelector("button");
    var status = form.querySelector("[role=status]");
    var texts = section.dataset;
    if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
      status.textContent = texts.kfUnsupported;
      input.disabled = true;
      button.disabled = true;
      return;
    }
    var payload = JSON.parse(texts.kfPayload);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!input.value) {
        input.setAttribute("aria-invalid", "true");
        say(status, texts.kfEmpty);
        input.focus();
        return;
      }
      button.disabled = true;
      form.setAttribute("aria-busy", "true");
      status.textContent = texts.kfOpening;
      decrypt(payload, input.value).then(function (html) {
        show(section, html);
      }, function () {
        form.removeAttribute("aria-busy");
        button.disabled = false;
        input.setAttribute("aria-invalid", "true");
        say(status, texts.kfWrong);
        input.focus();
        input.select();
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kf-unlock]"), enhance);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
