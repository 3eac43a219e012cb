/*
 * Case editor enhancements. The form works without this file; with it:
 *  - the error summary takes the focus after a failed save;
 *  - every factor field gets a "search" button that opens a factor picker:
 *    GET /factors/search?q=&group=&set=&lang= and a list of hits with value,
 *    unit, name and source; choosing one fills the field;
 *  - the existing-stock checkbox is hidden on rows whose kind is not waste
 *    (unless it is ticked, so a ticked box is never hidden).
 * Rows added in the page (editor-rows.js, event "kalkyle:added") get the same.
 * No inline script (CSP script-src 'self'); text comes from the page's
 * <script type="application/json" id="editor-config">; hits are written
 * with textContent only.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("editor-config");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent || "{}");
  var text = config.text || {};
  var form = document.getElementById("case-form");

  function format(template, params) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_, key) {
      return params[key] === undefined ? "" : String(params[key]);
    });
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(child);
    });
    return node;
  }

  var summary = document.getElementById("error-summary");
  if (summary && !document.querySelector("[autofocus]")) summary.focus();

  // ---- factor picker: one panel, moved next to the field it serves ----
  var panel, queryInput, groupSelect, status, results;
  var field = null;
  var opener = null;
  var timer = 0;
  var pending = null;

  function buildPanel() {
    queryInput = element("input", { id: "factor-picker-q", type: "search", autocomplete: "off", spellcheck: "false" });
    groupSelect = element("select", { id: "factor-picker-group" });
    (config.groups || []).forEach(function (g) {
      groupSelect.appendChild(element("option", { value: g.value, text: g.label }));
    });
    var searchButton = element("button", { type: "button", class: "secondary", text: text.submit });
    var closeButton = element("button", { type: "button", class: "secondary", text: text.close });
    status = element("p", { id: "factor-picker-status", class: "count", role: "status", "aria-live": "polite" });
    results = element("ul", { id: "factor-picker-results", "aria-label": text.label });
    panel = element("div", { id: "factor-picker", class: "factor-picker", role: "group", "aria-label": text.label, hidden: "" }, [
      element("div", { class: "picker-controls" }, [
        element("div", { class: "field" }, [element("label", { for: "factor-picker-q", text: text.search }), queryInput]),
        element("div", { class: "field" }, [element("label", { for: "factor-picker-group", text: text.group }), groupSelect]),
        searchButton,
        closeButton,
      ]),
      status,
      results,
    ]);
    queryInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    queryInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // never submit the case form from the search box
        clearTimeout(timer);
        search();
      }
    });
    groupSelect.addEventListener("change", search);
    searchButton.addEventListener("click", search);
    closeButton.addEventListener("click", function () {
      close(true);
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    });
  }

  function kindGroup(input) {
    var kind = document.getElementById(input.id.replace(/factor$/, "kind"));
    var groups = config.kindGroups || {};
    if (kind && Object.prototype.hasOwnProperty.call(groups, kind.value)) return groups[kind.value];
    return input.getAttribute("data-picker-group") || "";
  }

  function factorSet() {
    var select = form && form.elements.namedItem("factorSet");
    return (select && select.value) || config.defaultSet || "";
  }

  function open(input, button) {
    if (!panel) buildPanel();
    if (opener && opener !== button) opener.setAttribute("aria-expanded", "false");
    field = input;
    opener = button;
    button.setAttribute("aria-expanded", "true");
    (input.closest(".field") || button.parentNode).insertAdjacentElement("afterend", panel); // own line in the field grid
    panel.hidden = false;
    queryInput.value = /\s/.test(input.value.trim()) ? "" : input.value.trim();
    groupSelect.value = queryInput.value ? "" : kindGroup(input);
    search();
    queryInput.focus();
  }

  function close(returnFocus) {
    if (!panel || panel.hidden) return;
    if (pending) pending.abort();
    panel.hidden = true;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (returnFocus) opener.focus();
    }
  }

  function hitItem(hit) {
    var value = hit.valueText + " " + hit.unit + (hit.viaText ? " " + hit.viaText : "");
    var source = hit.citation;
    var choose = element("button", { type: "button", class: "secondary" }, [
      document.createTextNode(text.choose),
      element("span", { class: "visually-hidden", text: ": " + hit.name }),
    ]);
    choose.addEventListener("click", function () {
      pick(hit);
    });
    return element("li", {}, [
      element("div", {}, [
        element("span", { class: "hit-name", text: hit.name }),
        element("span", { class: "hit-meta hit-value", text: value + (hit.basisText ? " · " + hit.basisText : "") }),
        element("span", { class: "hit-meta" }, [element("code", { text: hit.id })]),
        element("span", { class: "hit-meta", text: source }),
      ]),
      choose,
    ]);
  }

  function search() {
    if (!field) return;
    if (pending) pending.abort();
    pending = new AbortController();
    var params = new URLSearchParams({ q: queryInput.value, set: factorSet(), lang: config.lang || "nb", limit: "50" });
    if (groupSelect.value) params.set("group", groupSelect.value);
    status.textContent = text.loading;
    fetch(config.api + "?" + params.toString(), { headers: { accept: "application/json" }, credentials: "same-origin", signal: pending.signal })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        results.textContent = "";
        data.hits.forEach(function (hit) {
          results.appendChild(hitItem(hit));
        });
        status.textContent = data.total === 0 ? text.none : data.total > data.count ? format(text.capped, { count: data.total, shown: data.count }) : data.total === 1 ? text.countOne : format(text.count, { count: data.total });
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") return;
        results.textContent = "";
        status.textContent = text.failed;
      });
  }

  function pick(hit) {
    field.value = hit.id;
    field.dispatchEvent(new Event("change", { bubbles: true }));
    var hint = document.getElementById(field.id + "-hint");
    if (!hint) {
      // A row's own line about its factor (the list's general hint stays where it is).
      hint = element("span", { class: "hint", id: field.id + "-hint" });
      var label = field.closest(".field").querySelector("label");
      label.insertAdjacentElement("afterend", hint);
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + hint.id).trim());
    }
    hint.textContent = hit.name + " · " + hit.valueText + " " + hit.unit + (hit.viaText ? " " + hit.viaText : "") + " · " + hit.source.publisher + " " + hit.source.year;
    var input = field;
    close(false);
    input.focus();
  }

  /** Where a factor field is, for its search button's name: "Utslipp 2, Alternativ 1: Nye stoler". */
  function whereOf(input) {
    var rowSet = input.closest("fieldset");
    var legend = rowSet && rowSet.querySelector("legend");
    var alternative = input.closest("section");
    var heading = alternative && alternative.querySelector("h3");
    return [legend && legend.textContent, heading && heading.textContent].filter(Boolean).join(", ");
  }

  function withPicker(input) {
    var row = element("div", { class: "factor-picker-row" });
    input.parentNode.insertBefore(row, input);
    row.appendChild(input);
    var where = whereOf(input);
    var button = element("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": "factor-picker" }, [
      document.createTextNode(text.open),
      element("span", { class: "visually-hidden picker-where", text: where ? " (" + where + ")" : "" }),
    ]);
    row.appendChild(button);
    button.addEventListener("click", function () {
      if (opener === button && panel && !panel.hidden) close(true);
      else open(input, button);
    });
  }

  // ---- the existing-stock checkbox shows on waste rows only (and wherever it is ticked) ----
  function wasteOnly(wrapper) {
    var rowSet = wrapper.closest("fieldset");
    var kind = rowSet && rowSet.querySelector('select[name$=".kind"]');
    var box = wrapper.querySelector("input[type=checkbox]");
    if (!kind || !box) return;
    function update() {
      wrapper.hidden = kind.value !== "waste" && !box.checked;
    }
    kind.addEventListener("change", update);
    box.addEventListener("change", update);
    update();
  }

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll("input[data-factor-field]"), withPicker);
    Array.prototype.forEach.call(root.querySelectorAll("[data-waste-only]"), wasteOnly);
  }

  enhance(document);
  document.addEventListener("kalkyle:added", function (event) {
    enhance(event.target);
  });
  // Rows renumbered (one removed): the search buttons' names follow, and a panel left in a removed row is closed.
  document.addEventListener("kalkyle:renumbered", function () {
    if (panel && !document.body.contains(panel)) {
      panel.hidden = true;
      field = null;
      opener = null;
    }
    Array.prototype.forEach.call(document.querySelectorAll("input[data-factor-field]"), function (input) {
      var span = input.parentNode.querySelector(".picker-where");
      var where = whereOf(input);
      if (span) span.textContent = where ? " (" + where + ")" : "";
    });
  });
})();
