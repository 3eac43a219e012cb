/*
 * The Klimanøytral 2027 dashboard's chart (GET /climate). As the other
 * charts: the figures reach the page only as a <script type="application/json">
 * block (CSP: script-src 'self'), the <canvas data-chart-data="id"> names
 * it, the data table beside the chart holds the same figures, animation is
 * off and <body data-charts-ready> is set once the chart is drawn.
 *
 * "climate-years": per year the target path as a line (dashed, ink; white
 * behind it, so its legend swatch is a dashed outline), and
 * measured, avoided and projected tonnes as bars told apart without colour
 * too (solid, hatched, outlined). The page's print button (data-print,
 * hidden without JavaScript) is shown and wired here; before and after
 * printing the chart is fitted again to its box, so it fits the A4 page.
 */
(function () {
  "use strict";

  var INK = "#1b1f23";
  var BLUE = "#0b5cad";
  var RUST = "#b3541e";
  var GREEN = "#1e6b36";

  // chart-kit.js, loaded before this file
  var kit = window.KalkyleCharts;

  function yearsConfig(data) {
    var styles = {
      target: { type: "line", borderColor: INK, backgroundColor: "#ffffff", pointBackgroundColor: INK, borderDash: [8, 4], pointStyle: "rectRot", pointRadius: 4, borderWidth: 2, fill: false, tension: 0, spanGaps: true, order: 0 },
      measured: { type: "bar", backgroundColor: BLUE, borderColor: BLUE, borderWidth: 1, order: 1 },
      avoided: { type: "bar", backgroundColor: kit.hatch(GREEN), borderColor: GREEN, borderWidth: 1, order: 1 },
      projected: { type: "bar", backgroundColor: "rgba(179, 84, 30, 0.15)", borderColor: RUST, borderWidth: 2, order: 1 },
    };
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d) {
          var style = styles[d.key] || styles.measured;
          var set = { label: d.label, data: d.data };
          Object.keys(style).forEach(function (k) {
            set[k] = style[k];
          });
          return set;
        }),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
        plugins: {
          legend: { position: "bottom", labels: { color: INK, usePointStyle: false } },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + kit.decimal.format(item.parsed.y);
              },
            },
          },
        },
        scales: {
          x: { ticks: { color: INK } },
          y: { beginAtZero: true, title: { display: true, text: data.yTitle, color: INK }, ticks: { color: INK, callback: function (v) { return kit.decimal.format(v); } } },
        },
      },
    };
  }

  function enablePrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  function start() {
    enablePrintButtons();
    var canvases = document.querySelectorAll("canvas[data-chart-data]");
    var charts = [];
    if (typeof window.Chart === "function") {
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      window.Chart.defaults.color = INK;
      canvases.forEach(function (canvas) {
        var data = kit.readJson(canvas.getAttribute("data-chart-data"));
        if (!data || data.kind !== "climate-years") return;
        charts.push(new window.Chart(canvas, yearsConfig(data)));
      });
    }
    var resize = function () {
      charts.forEach(function (chart) {
        chart.resize();
      });
    };
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
    window.requestAnimationFrame(function () {
      document.body.setAttribute("data-charts-ready", typeof window.Chart === "function" || canvases.length === 0 ? "true" : "error");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
