/*
 * Case editor: rows and alternatives added and removed in the page, no reload.
 * Without this file every "add"/"remove" button posts the form and the server
 * renders it back with the change (src/web/editor/form-model.ts, applyAction);
 * with it, the same buttons are caught here and do the same in the page:
 *  - a new row or alternative is cloned from the server's own markup in a
 *    <template> (placeholders __A__/__AN__ alternative index/number, __R__/__RN__
 *    row index/number, __ID__ new id, __TITLE__ alternative title);
 *  - every id, name, label, legend and button is then renumbered, so the form
 *    posts exactly what the server's re-rendered form would;
 *  - the server's rules hold: at most `maxAlternatives` alternatives and
 *    `maxRows` rows a list, "remove the alternative" only while there are two
 *    or more, the reference alternative's choices follow the alternatives;
 *  - focus goes where the server's page would put it (the new row's first
 *    field, the new alternative's name, or the add button after a removal),
 *    and a status line says what happened.
 * Text comes from <script type="application/json" id="editor-config"> (rows);
 * all text is written with textContent. New markup is announced to the other
 * editor scripts with the event "kalkyle:added" on the new element.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("editor-config");
  var form = document.getElementById("case-form");
  var section = document.getElementById("alternatives");
  var addAlternativeButton = document.getElementById("add-alternative");
  if (!configElement || !form || !section || !addAlternativeButton || !("content" in document.createElement("template"))) return;
  var rows = JSON.parse(configElement.textContent || "{}").rows || {};
  var text = rows.text || {};
  var LISTS = ["emissions", "costs"];
  var ROW_TEXT = { emissions: { legend: "emission", remove: "removeEmission" }, costs: { legend: "cost", remove: "removeCost" } };
  var TOKEN = /__(AN|A|RN|R|ID|TITLE)__/g;
  var PATH_ATTRIBUTES = ["id", "name", "for", "aria-describedby", "aria-labelledby"];

  function format(template, params) {
    return String(template || "").replace(/\{(\w+)\}/g, function (_, key) {
      return params[key] === undefined ? "" : String(params[key]);
    });
  }

  var live = document.createElement("p");
  live.id = "editor-rows-status";
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  form.parentNode.insertBefore(live, form);
  var liveTimer = 0;
  function announce(message) {
    live.textContent = "";
    clearTimeout(liveTimer);
    // A fresh text a moment later, so the same words twice are read twice.
    liveTimer = setTimeout(function () {
      live.textContent = message;
    }, 100);
  }

  function alternatives() {
    return Array.prototype.slice.call(section.querySelectorAll(":scope > .editor-alternative"));
  }
  function listOf(alternative, list) {
    return alternative.querySelector(':scope > .editor-list[data-list="' + list + '"]');
  }
  function rowsOf(alternative, list) {
    return Array.prototype.slice.call(listOf(alternative, list).querySelectorAll(":scope > fieldset.editor-row"));
  }
  function field(name) {
    return form.elements.namedItem(name);
  }

  /** Every element of the tree (the root included), each attribute and text passed through `change`. */
  function rewrite(root, attributes, change) {
    var all = [root].concat(Array.prototype.slice.call(root.querySelectorAll("*")));
    all.forEach(function (node) {
      attributes(node).forEach(function (name) {
        var value = node.getAttribute(name);
        if (value !== null) {
          var next = change(value, name, node);
          if (next !== value) node.setAttribute(name, next);
        }
      });
    });
  }

  /** A copy of a template with its placeholders filled in (text through nodeValue: never parsed as markup). */
  function fromTemplate(name, values) {
    var template = document.getElementById("editor-template-" + name);
    var root = template.content.cloneNode(true).firstElementChild;
    var fill = function (value) {
      return value.replace(TOKEN, function (_, token) {
        return String(values[token]);
      });
    };
    rewrite(root, function (node) {
      return Array.prototype.map.call(node.attributes, function (a) {
        return a.name;
      });
    }, fill);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = fill(node.nodeValue);
    return root;
  }

  function titleOf(alternative, number) {
    var id = alternative.querySelector('input[name$="].id"]');
    var name = alternative.querySelector('input[name$="].name"]');
    var shown = (name && name.value.trim()) || (id && id.value.trim());
    return shown ? format(text.alternativeNamed, { number: number, name: shown }) : format(text.alternative, { number: number });
  }

  /** "A", "B", … "Z", then "A2", … : the first id no alternative uses (as nextAlternativeId on the server). */
  function nextId() {
    var taken = {};
    alternatives().forEach(function (alternative) {
      var id = alternative.querySelector('input[name$="].id"]');
      if (id) taken[id.value.trim()] = true;
    });
    for (var round = 1; ; round++) {
      for (var c = 0; c < 26; c++) {
        var id = String.fromCharCode(65 + c) + (round === 1 ? "" : String(round));
        if (!taken[id]) return id;
      }
    }
  }

  function setHidden(button, prefix, title) {
    var span = button && button.querySelector(".visually-hidden");
    if (span) span.textContent = prefix + title + (prefix === " (" ? ")" : "");
  }

  function renumberRow(row, list, a, r, title) {
    var pattern = new RegExp("\\." + list + "\\[\\d+\\]", "g");
    rewrite(row, function () {
      return PATH_ATTRIBUTES;
    }, function (value) {
      return value.replace(pattern, "." + list + "[" + r + "]");
    });
    var legend = row.querySelector(":scope > legend");
    if (legend) legend.textContent = format(text[ROW_TEXT[list].legend], { number: r + 1 });
    var remove = row.querySelector(':scope > button[name="action"]');
    if (remove) {
      remove.value = (list === "emissions" ? "remove-emission:" : "remove-cost:") + a + ":" + r;
      remove.firstChild.nodeValue = format(text[ROW_TEXT[list].remove], { number: r + 1 });
      setHidden(remove, " (", title);
    }
  }

  function syncEmpty(list, count) {
    var empty = list.querySelector(":scope > .editor-no-rows");
    if (count > 0 && empty) empty.remove();
    if (count === 0 && !empty) {
      empty = document.createElement("p");
      empty.className = "count editor-no-rows";
      empty.textContent = text.noRows;
      list.insertBefore(empty, list.querySelector(":scope > button[data-add]"));
    }
  }

  /** The "remove the alternative" button, on every alternative while there are two or more (as the server renders it). */
  function syncRemoveAlternative(alternative, a, count, title) {
    var holder = alternative.querySelector(":scope > .editor-remove-alternative");
    if (count < 2) {
      if (holder) holder.remove();
      return;
    }
    if (!holder) {
      holder = fromTemplate("alternative", { A: a, AN: a + 1, ID: "", TITLE: title, R: 0, RN: 1 }).querySelector(":scope > .editor-remove-alternative");
      alternative.appendChild(holder);
    }
    var button = holder.querySelector("button");
    button.value = "remove-alternative:" + a;
    setHidden(button, ": ", title);
  }

  /** The reference alternative's choices: the default, then each alternative with an id (a chosen id no one has any more stays). */
  function syncBaseline() {
    var select = field("baseline");
    if (!select || !select.options) return;
    var current = select.value.trim();
    var choices = [{ value: "", label: text.baselineDefault }];
    alternatives().forEach(function (alternative) {
      var id = alternative.querySelector('input[name$="].id"]').value.trim();
      var name = alternative.querySelector('input[name$="].name"]').value.trim();
      if (id) choices.push({ value: id, label: name ? id + " – " + name : id });
    });
    if (current && !choices.some(function (c) { return c.value === current; })) choices.push({ value: current, label: current });
    select.textContent = "";
    choices.forEach(function (c) {
      var option = document.createElement("option");
      option.value = c.value;
      option.textContent = c.label;
      option.selected = c.value === current;
      select.appendChild(option);
    });
  }

  /**
   * The error summary's links, each with the field it points to, taken
   * before the ids change: afterwards a link follows its field to the
   * field's new id, and a link whose field was removed goes with it.
   */
  function summaryTargets() {
    return Array.prototype.map.call(document.querySelectorAll("#error-summary a[href^='#']"), function (link) {
      return { link: link, target: document.getElementById(link.getAttribute("href").slice(1)) };
    });
  }

  function followSummary(targets) {
    targets.forEach(function (t) {
      if (!t.target) return;
      if (document.contains(t.target)) t.link.setAttribute("href", "#" + t.target.id);
      else if (t.link.parentNode) t.link.parentNode.remove();
    });
  }

  /** `targets`: the summary's links as they were before a row was taken out (summaryTargets()). */
  function renumber(targets) {
    targets = targets || summaryTargets();
    var all = alternatives();
    all.forEach(function (alternative, a) {
      rewrite(alternative, function (node) {
        return node.tagName === "BUTTON" ? PATH_ATTRIBUTES.concat("value") : PATH_ATTRIBUTES;
      }, function (value, name) {
        var next = value.replace(/alternatives\[\d+\]/g, "alternatives[" + a + "]");
        if (name === "id") next = next.replace(/^(add-emission|add-cost)-\d+$/, "$1-" + a);
        if (name === "value") next = next.replace(/^(add-emission|add-cost|remove-alternative):\d+/, "$1:" + a).replace(/^(remove-emission|remove-cost):\d+:/, "$1:" + a + ":");
        return next;
      });
      var title = titleOf(alternative, a + 1);
      var heading = alternative.querySelector(":scope > h3");
      if (heading) heading.textContent = title;
      LISTS.forEach(function (list) {
        var listRows = rowsOf(alternative, list);
        listRows.forEach(function (row, r) {
          renumberRow(row, list, a, r, title);
        });
        syncEmpty(listOf(alternative, list), listRows.length);
        setHidden(listOf(alternative, list).querySelector(":scope > button[data-add]"), " (", title);
      });
      syncRemoveAlternative(alternative, a, all.length, title);
    });
    syncBaseline();
    followSummary(targets);
    document.dispatchEvent(new CustomEvent("kalkyle:renumbered"));
  }

  function added(node) {
    node.dispatchEvent(new CustomEvent("kalkyle:added", { bubbles: true }));
  }

  function addRow(alternative, list, options) {
    var count = rowsOf(alternative, list).length;
    if (count >= rows.maxRows) return addAlternativeButton;
    var a = alternatives().indexOf(alternative);
    var row = fromTemplate(list, { A: a, AN: a + 1, R: count, RN: count + 1, ID: "", TITLE: titleOf(alternative, a + 1) });
    var target = listOf(alternative, list);
    target.insertBefore(row, target.querySelector(":scope > button[data-add]"));
    renumber();
    added(row);
    if (!options.quiet) announce(text.rowAdded);
    return row.querySelector("input, select");
  }

  function addAlternative(options) {
    var all = alternatives();
    if (all.length >= rows.maxAlternatives) return addAlternativeButton;
    var a = all.length;
    var id = nextId();
    var alternative = fromTemplate("alternative", { A: a, AN: a + 1, ID: id, TITLE: format(text.alternativeNamed, { number: a + 1, name: id }), R: 0, RN: 1 });
    section.insertBefore(alternative, addAlternativeButton.closest("p"));
    renumber();
    added(alternative);
    if (!options.quiet) announce(text.alternativeAdded);
    return alternative.querySelector('input[name$="].name"]');
  }

  function removeNode(node, message, options) {
    var targets = summaryTargets();
    node.remove();
    renumber(targets);
    if (!options.quiet) announce(message);
  }

  /** Does in the page what the button would have asked the server; returns the element to focus. */
  function act(button, options) {
    var action = button.value.split(":")[0];
    var alternative = button.closest(".editor-alternative");
    if (action === "add-alternative") return addAlternative(options);
    if (!alternative) return null;
    if (action === "add-emission" || action === "add-cost") return addRow(alternative, action === "add-emission" ? "emissions" : "costs", options);
    if (action === "remove-alternative") {
      removeNode(alternative, text.alternativeRemoved, options);
      return addAlternativeButton;
    }
    if (action === "remove-emission" || action === "remove-cost") {
      var list = action === "remove-emission" ? "emissions" : "costs";
      var addButton = listOf(alternative, list).querySelector(":scope > button[data-add]");
      removeNode(button.closest("fieldset.editor-row"), text.rowRemoved, options);
      return addButton;
    }
    return null;
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest('button[name="action"]');
    if (!button || button.value === "save" || !form.contains(button)) return;
    var focus = act(button, {});
    if (focus === null) return; // not an action this script knows: the server does it
    event.preventDefault();
    if (focus) focus.focus();
  });
  section.addEventListener("change", function (event) {
    if (/^alternatives\[\d+\]\.(id|name)$/.test(event.target.name || "")) renumber();
  });

  /** For the draft: the form made to hold `shape` (per alternative, its number of emission and cost rows), quietly. */
  window.kalkyleEditorRows = {
    shape: function (shape) {
      while (alternatives().length < shape.length) addAlternative({ quiet: true });
      alternatives().forEach(function (alternative, a) {
        if (a >= shape.length) return alternative.remove();
        LISTS.forEach(function (list) {
          while (rowsOf(alternative, list).length < shape[a][list]) addRow(alternative, list, { quiet: true });
          var current = rowsOf(alternative, list);
          for (var r = current.length - 1; r >= shape[a][list]; r--) current[r].remove();
        });
      });
      renumber();
    },
    renumber: renumber,
    announce: announce,
  };
})();
