/*
 * Case editor: a draft of what was typed, kept in this tab (sessionStorage),
 * so that a save that did not go through loses nothing:
 *  - the form's values are written to the draft as the user types (and when
 *    rows change, and as the form is sent), one draft per case, marked with
 *    the case's version; a draft over MAX_CHARS is not kept (the last one
 *    that fitted stays), and at most MAX_DRAFTS cases keep one;
 *  - a page that answers a failed save already shows what was typed: the
 *    draft is brought up to it and nothing is offered;
 *  - an editor page fresh from the server offers the draft ("restore /
 *    discard") when it differs from the page and was not sent, or was sent
 *    but the server said the draft is kept (the address ends ?draft=kept: a
 *    lost session sent through the login, or a form too large to take);
 *    a draft sent without that mark went through and is dropped, as is a
 *    draft of an older version of the case (it has been saved since).
 * Restoring adds or removes rows and alternatives as the draft has them
 * (editor-rows.js) and puts every value back.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("editor-config");
  var form = document.getElementById("case-form");
  if (!configElement || !form) return;
  var rows = JSON.parse(configElement.textContent || "{}").rows || {};
  var text = rows.text || {};
  var PREFIX = "kalkyle.editor-draft:";
  var MAX_CHARS = 3000000;
  var MAX_DRAFTS = 10;
  var SKIP = { _csrf: true, version: true, action: true };
  var storage = null;
  try {
    storage = window.sessionStorage;
    storage.setItem(PREFIX + "probe", "1");
    storage.removeItem(PREFIX + "probe");
  } catch {
    storage = null;
  }
  if (!storage) return;
  var storageKey = PREFIX + rows.caseKey;

  function values() {
    var out = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name] && typeof value === "string") out.push([name, value]);
    });
    return out;
  }

  function read() {
    try {
      var draft = JSON.parse(storage.getItem(storageKey) || "null");
      return draft && draft.key && Array.isArray(draft.fields) ? draft : null;
    } catch {
      return null;
    }
  }

  /** The oldest drafts go when more than MAX_DRAFTS cases have one. */
  function prune() {
    var drafts = [];
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0 && key !== storageKey) {
        var at = 0;
        try {
          at = JSON.parse(storage.getItem(key)).savedAt || 0;
        } catch {
          at = 0;
        }
        drafts.push({ key: key, at: at });
      }
    }
    drafts.sort(function (a, b) {
      return a.at - b.at;
    });
    drafts.slice(0, Math.max(0, drafts.length - (MAX_DRAFTS - 1))).forEach(function (d) {
      storage.removeItem(d.key);
    });
  }

  /** True while a draft is offered and not yet restored or discarded: typing must not overwrite it. */
  var holding = false;

  function write(sent) {
    if (holding) return;
    var serialised = JSON.stringify({ key: rows.draftKey, savedAt: Date.now(), sent: sent, fields: values() });
    if (serialised.length > MAX_CHARS) return;
    try {
      prune();
      storage.setItem(storageKey, serialised);
    } catch {
      // Storage full: the draft is a help, never in the way.
    }
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      write(false);
    }, 400);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  document.addEventListener("kalkyle:renumbered", later);
  form.addEventListener("submit", function () {
    clearTimeout(timer);
    write(true);
  });

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function shapeOf(fields) {
    var shape = [];
    fields.forEach(function (entry) {
      var m = /^alternatives\[(\d+)\]\.(?:(emissions|costs)\[(\d+)\]\.)?/.exec(entry[0]);
      if (!m) return;
      var a = Number(m[1]);
      for (var i = shape.length; i <= a; i++) shape.push({ emissions: 0, costs: 0 });
      if (m[2]) shape[a][m[2]] = Math.max(shape[a][m[2]], Number(m[3]) + 1);
    });
    return shape;
  }

  function restore(fields) {
    if (window.kalkyleEditorRows) window.kalkyleEditorRows.shape(shapeOf(fields));
    Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
      box.checked = false; // an unticked box is not in the draft
    });
    fields.forEach(function (entry) {
      var element = form.elements.namedItem(entry[0]);
      if (!element || element.length > 1) return;
      if (element.type === "checkbox") element.checked = true;
      else if (element.tagName === "SELECT") {
        var known = Array.prototype.some.call(element.options, function (o) {
          return o.value === entry[1];
        });
        if (!known) {
          var option = document.createElement("option");
          option.value = entry[1];
          option.textContent = entry[1];
          element.appendChild(option);
        }
        element.value = entry[1];
      } else element.value = entry[1];
    });
    Array.prototype.forEach.call(form.querySelectorAll("select, input[type=checkbox]"), function (control) {
      control.dispatchEvent(new Event("change", { bubbles: true }));
    });
    if (window.kalkyleEditorRows) window.kalkyleEditorRows.renumber();
  }

  function offer(draft) {
    var message = document.createElement("p");
    message.id = "draft-offer-text";
    message.textContent = text.draftOffer;
    var restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.textContent = text.draftRestore;
    var discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "secondary";
    discardButton.textContent = text.draftDiscard;
    var box = document.createElement("div");
    box.id = "draft-offer";
    box.className = "notice draft-offer";
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", "draft-offer-text");
    box.appendChild(message);
    box.appendChild(restoreButton);
    box.appendChild(discardButton);
    form.parentNode.insertBefore(box, form);
    holding = true;
    var say = window.kalkyleEditorRows ? window.kalkyleEditorRows.announce : function () {};
    say(text.draftOffer);
    restoreButton.addEventListener("click", function () {
      holding = false;
      restore(draft.fields);
      box.remove();
      write(false);
      say(text.draftRestored);
      var first = form.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    });
    discardButton.addEventListener("click", function () {
      holding = false;
      storage.removeItem(storageKey);
      box.remove();
      say(text.draftDiscarded);
      var first = form.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    });
  }

  var draft = read();
  if (rows.posted) {
    write(false); // the page shows what was typed: that is the draft now
  } else if (draft) {
    var kept = /[?&]draft=kept(&|$)/.test(window.location.search);
    if (draft.key !== rows.draftKey || (draft.sent && !kept) || same(draft.fields, values())) storage.removeItem(storageKey);
    else offer(draft);
  }
})();
