/*
 * "Lager PDF …" / "Making the PDF …": the comparison page's PDF link says,
 * in its status region (role="status"), that the PDF is being made, until
 * the download starts. The link is followed with ?ready=<token>; the PDF's
 * response sets the cookie kalkyle-pdf-ready to that token, and when it
 * appears the message says the PDF is downloading, then clears. Without
 * JavaScript the link is an ordinary link. No inline script (CSP).
 */
(function () {
  "use strict";
  var COOKIE = "kalkyle-pdf-ready";
  var GIVE_UP_MS = 120000;

  function cookieValue() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === COOKIE) return parts[i].slice(eq + 1);
    }
    return null;
  }

  function token() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var status = document.querySelector("[data-pdf-status]");
  if (!status || !window.URL || !window.crypto) return;
  var waiting = null;

  function stop(message) {
    if (waiting) clearInterval(waiting);
    waiting = null;
    status.textContent = message;
  }

  document.querySelectorAll("[data-pdf-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      // a new tab or window, or a save-as, is the browser's business
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var ready = token();
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("ready", ready);
      stop(link.getAttribute("data-pdf-making") || "");
      var started = Date.now();
      waiting = setInterval(function () {
        if (cookieValue() === ready) {
          document.cookie = COOKIE + "=; Max-Age=0; path=/; SameSite=Strict";
          stop(link.getAttribute("data-pdf-made") || "");
          setTimeout(function () { if (!waiting) status.textContent = ""; }, 8000);
        } else if (Date.now() - started > GIVE_UP_MS) stop("");
      }, 300);
      window.location.assign(url.toString());
    });
  });
})();
