/*
 * What the comparison page's charts (charts.js) and the finance page's and
 * the decision memo's (finance-charts.js) share, loaded before either as
 * window.KalkyleCharts:
 * - the page language's number formats (Intl.NumberFormat for <html lang>);
 * - readJson(id): a chart's data from its <script type="application/json">
 *   block (CSP: script-src 'self', so data never comes as inline script),
 *   null when the block is missing or broken;
 * - hatch(colour): a diagonal white hatch over a colour, the pattern that
 *   tells two series apart without colour (WCAG 1.4.1).
 */
(function () {
  "use strict";

  var locale = document.documentElement.lang === "en" ? "en-GB" : "nb-NO";

  function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent || "null");
    } catch {
      return null;
    }
  }

  /** A tile of three diagonals, so the stripes run on across tile edges. */
  function hatch(colour) {
    var size = 10;
    var tile = document.createElement("canvas");
    tile.width = size;
    tile.height = size;
    var g = tile.getContext("2d");
    if (!g) return colour;
    g.fillStyle = colour;
    g.fillRect(0, 0, size, size);
    g.strokeStyle = "rgba(255, 255, 255, 0.9)";
    g.lineWidth = 2.5;
    g.beginPath();
    g.moveTo(0, size);
    g.lineTo(size, 0);
    g.moveTo(-size / 2, size / 2);
    g.lineTo(size / 2, -size / 2);
    g.moveTo(size / 2, size * 1.5);
    g.lineTo(size * 1.5, size / 2);
    g.stroke();
    return g.createPattern(tile, "repeat") || colour;
  }

  window.KalkyleCharts = {
    locale: locale,
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    readJson: readJson,
    hatch: hatch,
  };
})();
