/*
 * The ledger upload on /climate/ledgers in two steps, with a progress bar.
 * 1. The user picks a CSV or .xlsx file; at once its first 64 KB (File.slice) go to
 *    /climate/ledgers/inspect, which says how the file is written and
 *    which columns it has; the page then shows one select per field
 *    (cloned from the <template> the server rendered, so the labels,
 *    required marks and ids are the server's), prefilled with the
 *    remembered columns, else the suggested ones. The button shows only
 *    then: a file that cannot be read leaves its error and no next step.
 * 2. On confirm, the file itself is sent as the request body (XHR, so
 *    xhr.upload.onprogress can feed the <progress> bar and the status
 *    line "Importerer … 45 %"); the server streams it into the import and
 *    answers with the summary's address, where the page goes. A refusal
 *    puts each problem beside its field ("file", "columns.account") and
 *    sums them up at the top.
 * Without JavaScript the form is an ordinary multipart form. The texts
 * come from the page (a JSON block), the CSRF token from the form, and the
 * header X-CSRF-Token carries it. No inline script (CSP).
 */
(function () {
  "use strict";
  var HEAD_BYTES = 64 * 1024;
  var XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  var FIELDS = ["date", "year", "account", "function", "supplierName", "orgNumber", "description", "amount"];

  var form = document.getElementById("ledger-upload");
  var textBlock = document.getElementById("ledger-upload-text");
  var template = document.getElementById("ledger-columns-template");
  if (!form || !textBlock || !template || !("content" in template) || !window.XMLHttpRequest || !window.fetch || !window.Blob || !Blob.prototype.slice) return;

  var text = JSON.parse(textBlock.textContent);
  var fileInput = document.getElementById("ledger-file");
  var fileField = form.querySelector("[data-file-field]");
  var submit = form.querySelector("[data-submit]");
  var status = form.querySelector("[data-status]");
  var progressBox = form.querySelector("[data-progress]");
  var progress = document.getElementById("ledger-progress");
  var errorsBox = document.querySelector("[data-upload-errors]");
  var token = form.querySelector('input[name="_csrf"]').value;
  /** "choose": no columns shown yet; "columns": the column step is shown; "workbook": an .xlsx whose columns are read on import; "sending": the file is on its way. */
  var step = "choose";

  function say(message) {
    status.textContent = message;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function columnsStep() {
    return form.querySelector("[data-columns]");
  }

  // ---- problems beside their fields, and the summary at the top

  function clearErrors() {
    while (errorsBox.firstChild) errorsBox.removeChild(errorsBox.firstChild);
    Array.prototype.forEach.call(form.querySelectorAll(".field-error"), function (el) { el.parentNode.removeChild(el); });
    Array.prototype.forEach.call(form.querySelectorAll(".field-invalid"), function (el) { el.classList.remove("field-invalid"); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var kept = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && !/-error$/.test(id); });
      if (kept.length > 0) el.setAttribute("aria-describedby", kept.join(" "));
      else el.removeAttribute("aria-describedby");
    });
  }

  /** The control and its field box a problem's path names, or null. */
  function placeOf(path) {
    if (path === "file") return { control: fileInput, box: fileField };
    var match = /^columns\.(\w+)$/.exec(path || "");
    if (match && FIELDS.indexOf(match[1]) >= 0) {
      var control = document.getElementById("col-" + match[1]);
      if (control && columnsStep() && columnsStep().contains(control)) return { control: control, box: control.parentNode };
    }
    return null;
  }

  function showErrors(errors) {
    clearErrors();
    var summary = document.createElement("div");
    summary.className = "error-summary";
    summary.id = "upload-errors";
    summary.setAttribute("role", "alert");
    summary.setAttribute("aria-labelledby", "upload-errors-title");
    summary.tabIndex = -1;
    var title = document.createElement("h3");
    title.id = "upload-errors-title";
    title.textContent = fill(text.problems, { count: errors.length });
    var list = document.createElement("ul");
    errors.forEach(function (problem) {
      var item = document.createElement("li");
      var place = placeOf(problem.path);
      if (place && !place.box.querySelector(".field-error")) {
        var id = place.control.id + "-error";
        var message = document.createElement("span");
        message.className = "field-error";
        message.id = id;
        // beside its field the message stands alone, so it starts as a sentence does
        message.textContent = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
        place.box.insertBefore(message, place.control);
        place.box.classList.add("field-invalid");
        place.control.setAttribute("aria-invalid", "true");
        place.control.setAttribute("aria-describedby", ((place.control.getAttribute("aria-describedby") || "") + " " + id).trim());
      }
      if (place) {
        var link = document.createElement("a");
        link.href = "#" + place.control.id;
        link.textContent = place.box.querySelector("label").textContent + ": " + problem.message;
        item.appendChild(link);
      } else {
        item.textContent = problem.label ? problem.label + ": " + problem.message : problem.message;
      }
      list.appendChild(item);
    });
    summary.appendChild(title);
    summary.appendChild(list);
    errorsBox.appendChild(summary);
    summary.focus();
  }

  function refused(data) {
    showErrors(data && data.errors && data.errors.length > 0 ? data.errors : [{ path: "", message: text.failed }]);
  }

  // ---- step 1: the head of the file, and the column step

  function backToChoose() {
    var shown = columnsStep();
    if (shown) shown.parentNode.removeChild(shown);
    step = "choose";
    submit.textContent = text.next;
    // the button belongs to the column step: it shows once a file's head was read
    submit.hidden = true;
    progressBox.hidden = true;
  }

  /** An .xlsx workbook: its headers are read as it is imported, so the columns are the remembered or suggested ones. */
  function showWorkbook() {
    var old = columnsStep();
    if (old) old.parentNode.removeChild(old);
    step = "workbook";
    submit.textContent = text.confirm;
    submit.hidden = false;
    say(text.workbook);
  }

  function showColumns(file, found) {
    var chosen = found.remembered || found.suggested || {};
    var fragment = template.content.cloneNode(true);
    var step2 = fragment.querySelector("[data-columns]");
    FIELDS.forEach(function (field) {
      var select = step2.querySelector("#col-" + field);
      if (!select) return;
      found.headers.forEach(function (header) {
        var option = document.createElement("option");
        option.value = header;
        option.textContent = header;
        select.appendChild(option);
      });
      select.value = Object.prototype.hasOwnProperty.call(chosen, field) && found.headers.indexOf(chosen[field]) >= 0 ? chosen[field] : "";
    });
    step2.querySelector("[data-columns-note]").textContent = found.remembered ? text.remembered : text.suggested;
    var old = columnsStep();
    if (old) old.parentNode.removeChild(old);
    fileField.parentNode.insertBefore(fragment, fileField.nextSibling);
    step = "columns";
    submit.textContent = text.confirm;
    submit.hidden = false;
    say(fill(found.headers.length === 1 ? text.readOne : text.readMany, { count: found.headers.length, file: file.name }));
  }

  function inspect(file) {
    clearErrors();
    say(text.reading);
    submit.disabled = true;
    fetch("/climate/ledgers/inspect?name=" + encodeURIComponent(file.name), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/octet-stream", "X-CSRF-Token": token, Accept: "application/json" },
      body: file.slice(0, HEAD_BYTES),
    })
      .then(function (res) {
        return res.json().then(function (data) { return { ok: res.ok, data: data }; }, function () { return { ok: false, data: null }; });
      })
      .then(function (answer) {
        submit.disabled = false;
        if (!answer.ok) {
          say(text.failed);
          return refused(answer.data);
        }
        if (answer.data.format && answer.data.format.kind === "xlsx" && answer.data.headers.length === 0) showWorkbook();
        else showColumns(file, answer.data);
      })
      .catch(function () {
        submit.disabled = false;
        say("");
        // the file was not judged: the button ("Next: check the columns") lets the same file be tried again
        submit.hidden = false;
        showErrors([{ path: "", message: text.network }]);
      });
  }

  // ---- step 2: the file itself, with its progress

  function chosenColumns() {
    var mapping = {};
    FIELDS.forEach(function (field) {
      var select = document.getElementById("col-" + field);
      if (select && select.value) mapping[field] = select.value;
    });
    return mapping;
  }

  /** Sends the file; `columns` null: the server takes the remembered or suggested columns of the file's headers. */
  function upload(file, columns) {
    clearErrors();
    var returnTo = step;
    step = "sending";
    submit.disabled = true;
    progressBox.hidden = false;
    progress.max = 100;
    progress.value = 0;
    var announced = 0;
    say(fill(text.progress, { percent: 0 }));
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/climate/ledgers/upload?name=" + encodeURIComponent(file.name) + (columns ? "&columns=" + encodeURIComponent(JSON.stringify(columns)) : ""));
    xhr.setRequestHeader("Content-Type", /\.xlsx$/i.test(file.name) ? XLSX_TYPE : "text/csv");
    xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (event) {
      if (!event.lengthComputable || event.total === 0) return;
      progress.max = event.total;
      progress.value = event.loaded;
      var percent = Math.floor((event.loaded / event.total) * 100);
      // the status line (a live region) speaks every 5 %, not at every event
      if (percent >= announced + 5 || (percent === 100 && announced !== 100)) {
        announced = percent;
        say(fill(text.progress, { percent: percent }));
      }
    };
    xhr.upload.onload = function () {
      progress.value = progress.max;
      say(text.processing);
    };
    xhr.onload = function () {
      var data = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status === 200 && data && data.href) {
        say(text.done);
        window.location.assign(data.href);
        return;
      }
      step = returnTo;
      submit.disabled = false;
      progressBox.hidden = true;
      say(text.failed);
      if (xhr.status === 413 && !(data && data.errors)) return showErrors([{ path: "file", message: text.tooLarge }]);
      refused(data);
    };
    xhr.onerror = function () {
      step = returnTo;
      submit.disabled = false;
      progressBox.hidden = true;
      say(text.network);
      showErrors([{ path: "", message: text.network }]);
    };
    xhr.send(file);
  }

  // ---- the form

  // a column step the server showed (after a form sent without this script) keeps its button
  if (columnsStep()) step = "columns";
  else backToChoose();
  fileInput.addEventListener("change", function () {
    if (step === "sending") return;
    clearErrors();
    say("");
    backToChoose();
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    if (file.size > Number(text.limitBytes)) return showErrors([{ path: "file", message: text.tooLarge }]);
    inspect(file);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (step === "sending") return;
    var file = fileInput.files && fileInput.files[0];
    if (!file) return showErrors([{ path: "file", message: text.noFile }]);
    if (file.size > Number(text.limitBytes)) return showErrors([{ path: "file", message: text.tooLarge }]);
    if (step === "workbook") upload(file, null);
    else if (step === "choose" || !columnsStep()) inspect(file);
    else upload(file, chosenColumns());
  });
})();
