/*
 * Kalkyle charts. Chart data reaches the page only as
 * <script type="application/json" id="…"> blocks (CSP: script-src 'self',
 * no inline script); each <canvas data-chart-data="id"> names its block.
 * Every chart has an equivalent data table beside it in the page.
 *
 * - "stages": stacked bars of t CO2e per lifecycle stage; direct emissions
 *   hatched with a dark border, indirect solid (told apart by pattern and
 *   legend text, not by colour alone); stage D in its own stack.
 * - "cumulative": lines of cumulative discounted cost; each alternative has
 *   its own dash pattern and point shape.
 *
 * Alternatives are named by their whole names, never cut short: the bar
 * chart's axis labels come from the server as lines of at most 20
 * characters (broken between words), turned upright on a narrow screen so
 * they do not overlap; the line chart's legend is a list under the chart,
 * where a long name wraps like any text; tooltips show the name whole.
 *
 * Numbers are formatted with Intl.NumberFormat in the page language
 * (<html lang>). Animation is off, so the print view and the PDF renderer
 * get finished charts; <body data-charts-ready> is set once they are drawn.
 */
(function () {
  "use strict";

  var STAGE_COLOURS = { "A1-A3": "#0b5cad", A4: "#b3541e", A5: "#7a4b00", B: "#1e6b36", C: "#6a3d9a", D: "#4a5560" };
  var LINE_COLOURS = ["#0b5cad", "#b3541e", "#1e6b36", "#6a3d9a", "#a4161a", "#4a5560", "#7a4b00", "#00677f"];
  var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [16, 4], [1, 3], [6, 2, 2, 2]];
  var POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star", "cross", "rectRounded"];
  var INK = "#1b1f23";
  /** Below this width (CSS px) a chart's alternative labels stand upright. */
  var NARROW = 480;

  // chart-kit.js, loaded before this file
  var kit = window.KalkyleCharts;
  var decimal = kit.decimal;
  var whole = kit.whole;
  var readJson = kit.readJson;
  var hatch = kit.hatch;

  function markReady(state) {
    window.requestAnimationFrame(function () {
      document.body.setAttribute("data-charts-ready", state);
    });
  }

  function baseOptions(data, format) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      plugins: {
        legend: { position: "bottom", labels: { color: INK } },
        tooltip: {
          callbacks: {
            label: function (item) {
              return item.dataset.label + ": " + format.format(item.parsed.y) + " " + data.yTitle;
            },
          },
        },
      },
      scales: {
        x: { ticks: { color: INK } },
        y: {
          beginAtZero: true,
          title: { display: true, text: data.yTitle, color: INK },
          ticks: {
            color: INK,
            callback: function (value) {
              return format.format(value);
            },
          },
        },
      },
    };
  }

  function stagesConfig(data, canvas) {
    var options = baseOptions(data, decimal);
    options.scales.x.stacked = true;
    // every alternative keeps its label (the labels are the names, in lines), upright where the chart is narrow
    options.scales.x.ticks.autoSkip = false;
    var box = canvas.parentNode;
    options.scales.x.ticks.minRotation = box && box.clientWidth < NARROW ? 90 : 0;
    options.onResize = function (chart, size) {
      var upright = size.width < NARROW ? 90 : 0;
      if (chart.options.scales.x.ticks.minRotation !== upright) {
        chart.options.scales.x.ticks.minRotation = upright;
        chart.update("none");
      }
    };
    options.scales.y.stacked = true;
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d) {
          var colour = STAGE_COLOURS[d.stage] || INK;
          var direct = d.scope === "direct";
          return {
            label: d.label,
            data: d.data,
            stack: d.stack,
            backgroundColor: direct ? hatch(colour) : colour,
            borderColor: direct ? INK : colour,
            borderWidth: direct ? 2 : 1,
          };
        }),
      },
      options: options,
    };
  }

  function cumulativeConfig(data) {
    var options = baseOptions(data, whole);
    options.scales.x.title = { display: true, text: data.xTitle, color: INK };
    // the legend is a list under the chart (legendList), where long names wrap
    options.plugins.legend.display = false;
    return {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d, i) {
          var colour = LINE_COLOURS[i % LINE_COLOURS.length];
          return {
            label: d.label,
            data: d.data,
            borderColor: colour,
            backgroundColor: colour,
            borderDash: DASHES[i % DASHES.length],
            pointStyle: POINTS[i % POINTS.length],
            pointRadius: 3.5,
            borderWidth: 2,
            fill: false,
            tension: 0,
          };
        }),
      },
      options: options,
    };
  }

  var BUILDERS = { stages: stagesConfig, cumulative: cumulativeConfig };

  /** A short stretch of the dataset's line with its point shape, drawn at twice the size shown. */
  function swatch(dataset) {
    var tile = document.createElement("canvas");
    tile.width = 72;
    tile.height = 32;
    tile.className = "chart-legend-swatch";
    tile.setAttribute("aria-hidden", "true");
    var g = tile.getContext("2d");
    if (!g) return tile;
    g.scale(2, 2);
    g.strokeStyle = dataset.borderColor;
    g.fillStyle = dataset.backgroundColor;
    g.lineWidth = 2;
    g.setLineDash(dataset.borderDash || []);
    g.beginPath();
    g.moveTo(2, 8);
    g.lineTo(34, 8);
    g.stroke();
    g.setLineDash([]);
    var helpers = window.Chart.helpers;
    if (helpers && typeof helpers.drawPoint === "function") helpers.drawPoint(g, { pointStyle: dataset.pointStyle, radius: 4, borderWidth: 1 }, 18, 8);
    return tile;
  }

  /** The line chart's legend as a list after the chart box: each alternative's line and point shape, and its whole name. */
  function legendList(chart, canvas) {
    var list = document.createElement("ul");
    list.className = "chart-legend";
    chart.data.datasets.forEach(function (dataset) {
      var item = document.createElement("li");
      item.appendChild(swatch(dataset));
      var name = document.createElement("span");
      name.textContent = dataset.label;
      item.appendChild(name);
      list.appendChild(item);
    });
    var box = canvas.parentNode;
    if (box && box.parentNode) box.parentNode.insertBefore(list, box.nextSibling);
  }

  function drawAll() {
    var charts = [];
    var canvases = document.querySelectorAll("canvas[data-chart-data]");
    if (typeof window.Chart !== "function") {
      markReady(canvases.length === 0 ? "true" : "error");
      return charts;
    }
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = INK;
    canvases.forEach(function (canvas) {
      var data = readJson(canvas.getAttribute("data-chart-data"));
      var build = data && BUILDERS[data.kind];
      if (!build) return;
      var chart = new window.Chart(canvas, build(data, canvas));
      if (data.kind === "cumulative") legendList(chart, canvas);
      charts.push(chart);
    });
    markReady("true");
    return charts;
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
    var charts = drawAll();
    var resize = function () {
      charts.forEach(function (chart) {
        chart.resize();
      });
    };
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
    if (window.matchMedia) {
      var print = window.matchMedia("print");
      if (print.addEventListener) print.addEventListener("change", resize);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
