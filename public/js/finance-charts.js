/*
 * Kalkyle finance charts (the finance page, and the decision memo where it
 * draws the same kinds). As charts.js: data reaches the page only as
 * <script type="application/json" id="…"> blocks (CSP: script-src 'self'),
 * each <canvas data-chart-data="id"> names its block, every chart has a
 * data table with the same figures in the page, animation is off and
 * <body data-charts-ready> is set once all are drawn.
 *
 * - "payback": lines of an alternative's summed present value and the
 *   baseline's (solid and dashed, with different point shapes), the payback
 *   year marked by a vertical line with its label;
 * - "tornado": horizontal bars of B − A at each input's low end and high
 *   end, from the line of B − A as the case stands; the high end hatched,
 *   so the two are told apart without colour;
 * - "band": per alternative a horizontal bar from P5 to P95 and a point at
 *   P50.
 *
 * Numbers are formatted with Intl.NumberFormat in the page's language.
 */
(function () {
  "use strict";

  var INK = "#1b1f23";
  var BLUE = "#0b5cad";
  var RUST = "#b3541e";
  var GREEN = "#1e6b36";

  // chart-kit.js, loaded before this file
  var kit = window.KalkyleCharts;
  var decimal = kit.decimal;
  var whole = kit.whole;
  var readJson = kit.readJson;
  var hatch = kit.hatch;

  function common(format, title, horizontal) {
    var value = horizontal ? "x" : "y";
    var scales = { x: { ticks: { color: INK } }, y: { ticks: { color: INK } } };
    scales[value].title = { display: true, text: title, color: INK };
    scales[value].ticks.callback = function (v) {
      return format.format(v);
    };
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      indexAxis: horizontal ? "y" : "x",
      plugins: { legend: { position: "bottom", labels: { color: INK } } },
      scales: scales,
    };
  }

  /** A vertical line in ink across the chart area at pixel x, dashed when `dash` is given; returns the area. */
  function verticalLine(chart, x, dash) {
    var area = chart.chartArea;
    var g = chart.ctx;
    g.strokeStyle = INK;
    g.lineWidth = 2;
    g.setLineDash(dash || []);
    g.beginPath();
    g.moveTo(x, area.top);
    g.lineTo(x, area.bottom);
    g.stroke();
    g.setLineDash([]);
    return area;
  }

  /** A vertical line at the payback year, with its label: drawn after the datasets. */
  var paybackMarker = {
    id: "kalkylePayback",
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options || options.index === null || options.index === undefined) return;
      var x = chart.scales.x.getPixelForValue(options.index);
      var g = chart.ctx;
      g.save();
      var area = verticalLine(chart, x, [6, 4]);
      g.fillStyle = INK;
      g.textAlign = x > (area.left + area.right) / 2 ? "right" : "left";
      g.fillText(options.label || "", x + (g.textAlign === "right" ? -4 : 4), area.top + 12);
      g.restore();
    },
  };

  /** The line of B − A as the case stands, across a tornado chart. */
  var baseLine = {
    id: "kalkyleBase",
    afterDatasetsDraw: function (chart, _args, options) {
      if (!options || typeof options.value !== "number") return;
      chart.ctx.save();
      verticalLine(chart, chart.scales.x.getPixelForValue(options.value));
      chart.ctx.restore();
    },
  };

  function paybackConfig(data) {
    var options = common(whole, data.yTitle, false);
    options.scales.x.title = { display: true, text: data.xTitle, color: INK };
    options.plugins.kalkylePayback = data.payback || { index: null };
    var styles = [
      { colour: BLUE, dash: [], point: "circle" },
      { colour: RUST, dash: [8, 4], point: "rect" },
    ];
    return {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d, i) {
          var s = styles[i % styles.length];
          return { label: d.label, data: d.data, borderColor: s.colour, backgroundColor: s.colour, borderDash: s.dash, pointStyle: s.point, pointRadius: 3, borderWidth: 2, fill: false, tension: 0 };
        }),
      },
      options: options,
      plugins: [paybackMarker],
    };
  }

  /** A horizontal chart grows with its bars and their label lines, so that no label runs into the next. */
  function fitHeight(canvas, labels) {
    var lines = labels.reduce(function (n, l) {
      return n + Math.max(1, Array.isArray(l) ? l.length : 1);
    }, 0);
    var box = canvas.parentNode;
    if (box && box.style) box.style.height = Math.max(384, lines * 16 + labels.length * 12 + 110) + "px";
  }

  /** Narrower than this (CSS px), a horizontal chart wraps its labels shorter and sets them from the left edge, so none is cut (320 px). */
  var NARROW = 480;

  /** A label's words again in lines of at most `width` characters (a longer word stays whole). */
  function rewrap(label, width) {
    var words = (Array.isArray(label) ? label.join(" ") : String(label)).split(/\s+/).filter(Boolean);
    var lines = [];
    var line = "";
    words.forEach(function (word) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : line + " " + word;
    });
    if (line !== "") lines.push(line);
    return lines;
  }

  /** On a narrow screen: the labels in short lines, drawn from the chart's left edge in a smaller font. */
  function narrowLabels(canvas, data, options) {
    var box = canvas.parentNode;
    if (!box || box.clientWidth >= NARROW) return;
    data.labels = data.labels.map(function (l) {
      return rewrap(l, 16);
    });
    options.scales.y.ticks.crossAlign = "far";
    options.scales.y.ticks.font = { size: 11 };
  }

  function tornadoConfig(data, canvas) {
    var options = common(data.xTitle.indexOf("CO2e") >= 0 ? decimal : whole, data.xTitle, true);
    options.scales.y.ticks.autoSkip = false;
    narrowLabels(canvas, data, options);
    options.plugins.kalkyleBase = { value: data.base };
    var fills = [BLUE, hatch(RUST)];
    var borders = [BLUE, INK];
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: fills[i % 2], borderColor: borders[i % 2], borderWidth: 1, grouped: false, barPercentage: 0.7 };
        }),
      },
      options: options,
      plugins: [baseLine],
    };
  }

  function bandConfig(data) {
    var format = data.xTitle.indexOf("CO2e") >= 0 ? decimal : whole;
    var options = common(format, data.xTitle, true);
    options.scales.y.ticks.autoSkip = false;
    options.scales.x.beginAtZero = false;
    var band = data.datasets[0];
    var median = data.datasets[1];
    return {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: band.label, data: band.data, backgroundColor: "rgba(11, 92, 173, 0.35)", borderColor: BLUE, borderWidth: 1, barPercentage: 0.6 },
          { type: "line", label: median.label, data: median.data, showLine: false, pointStyle: "rectRot", pointRadius: 7, borderColor: INK, backgroundColor: GREEN },
        ],
      },
      options: options,
    };
  }

  /** The memo's print button (data-print, hidden without JavaScript), shown and wired as charts.js does on the report. */
  function enablePrintButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  var BUILDERS = { payback: paybackConfig, tornado: tornadoConfig, band: bandConfig };

  function start() {
    enablePrintButtons();
    var canvases = document.querySelectorAll("canvas[data-chart-data]");
    var charts = [];
    if (typeof window.Chart === "function") {
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
      window.Chart.defaults.color = INK;
      canvases.forEach(function (canvas) {
        var data = readJson(canvas.getAttribute("data-chart-data"));
        var build = data && BUILDERS[data.kind];
        if (!build) return;
        var config = build(data, canvas);
        if (data.kind === "tornado" || data.kind === "band") fitHeight(canvas, data.labels);
        charts.push(new window.Chart(canvas, config));
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
