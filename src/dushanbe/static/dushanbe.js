// Small helpers for chart blocks. Everything works without this script; it only improves
// the cite text when the book is served over http(s).
(function () {
  function absolutePermalinks() {
    // Where the book has no configured base URL the cite text holds a path relative to the
    // book's root; served over http(s), make it the absolute address the reader sees.
    if (!/^https?:$/.test(window.location.protocol)) return;
    var root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
    document.querySelectorAll(".dushanbe-cite [data-permalink]").forEach(function (el) {
      var rel = el.getAttribute("data-permalink");
      if (/^https?:/.test(rel)) return;
      el.textContent = el.textContent.split(rel).join(new URL(rel, root).href);
      el.setAttribute("data-permalink", new URL(rel, root).href);
    });
    // the embed code names the chart's standalone page: make it absolute too
    document.querySelectorAll(".dushanbe-cite [data-standalone]").forEach(function (el) {
      var rel = el.getAttribute("data-standalone");
      if (/^https?:/.test(rel)) return;
      var abs = new URL(rel, window.location.href).href;
      el.textContent = el.textContent.split('src="' + rel + '"').join('src="' + abs + '"');
      el.setAttribute("data-standalone", abs);
    });
  }
  function frameControls() {
    // A <select> beside a chart with animation frames (e.g. dates) switches frames from the
    // keyboard as well as the mouse, and keeps the chart's own slider in step.
    document.querySelectorAll("select.dushanbe-frame-select").forEach(function (select) {
      select.addEventListener("change", function () {
        var id = select.getAttribute("data-plot");
        var plot = document.getElementById(id);
        if (!plot || !holderOf(id)) return;
        withPlotly().then(function () { return draw(holderOf(id)); }).then(function () {
          return window.Plotly.animate(plot, [select.value], {
            mode: "immediate", frame: {duration: 0, redraw: true}, transition: {duration: 0}
          });
        }).then(function () {
          window.Plotly.relayout(plot, {"sliders[0].active": select.selectedIndex});
        });
      });
    });
  }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function longDate(iso) {
    // "2026-12-01" -> "1 December 2026", as the book writes dates
    var p = iso.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }
  function retrievedToday() {
    // "Retrieved <date>" names the day the page was built; a reader citing it today gets today.
    var now = new Date();
    var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
    document.querySelectorAll(".dushanbe-cite [data-built]").forEach(function (el) {
      var built = el.getAttribute("data-built");
      if (built && built !== today) {
        el.textContent = el.textContent.split("Retrieved " + longDate(built)).join("Retrieved " + longDate(today))
          .split("urldate      = {" + built + "}").join("urldate      = {" + today + "}");
      }
    });
  }
  var drawing = {};
  function draw(holder) {
    // Draw one chart from its inert JSON (once); plotly.js is loaded, deferred, before this script.
    var id = holder.getAttribute("data-plot");
    if (!drawing[id]) {
      var payload = JSON.parse(holder.textContent);
      var fig = payload.figure;
      var el = document.getElementById(id);
      el.querySelectorAll("picture, img.dushanbe-static").forEach(function (img) { img.remove(); });
      if (!narrowSettings(el, fig)) fitToWidth(el, fig.layout);
      var config = touchConfig(payload.config);
      drawing[id] = window.Plotly.newPlot(el, fig.data, fig.layout, config)
        .then(function (gd) { return fig.frames ? window.Plotly.addFrames(gd, fig.frames) : gd; });
    }
    return drawing[id];
  }
  function touchConfig(config) {
    // on touch screens the toolbar would sit on the legend: leave it out
    var out = Object.assign({}, config);
    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) out.displayModeBar = false;
    return out;
  }
  // the same query chooses the narrow static image and height (dushanbe.bookext.html.NARROW_MEDIA)
  var NARROW_MEDIA = "(max-width: 639.98px)";
  function isNarrow() { return !!(window.matchMedia && window.matchMedia(NARROW_MEDIA).matches); }
  function merge(target, source) {
    Object.keys(source).forEach(function (key) {
      var value = source[key];
      if (value && typeof value === "object" && !Array.isArray(value) &&
          target[key] && typeof target[key] === "object" && !Array.isArray(target[key])) {
        merge(target[key], value);
      } else {
        target[key] = value;
      }
    });
    return target;
  }
  function narrowSettings(el, fig) {
    // A chart may carry its design for narrow screens: settings merged into the wide one (short
    // names, its own height) or a whole figure of its own. Apply it on a narrow screen. Returns
    // true when it set the height.
    var settings = fig.layout.meta && fig.layout.meta.narrow;
    if (!settings || !isNarrow()) return false;
    if (settings.figure) {
      // the narrow design replaces the wide one (its own meta would point back at itself)
      fig.data = settings.figure.data;
      fig.layout = settings.figure.layout;
      delete fig.layout.meta;
      delete fig.layout.title;
      if (fig.layout.height) { el.style.height = fig.layout.height + "px"; return true; }
      return false;
    }
    merge(fig.layout, settings.layout || {});
    Object.keys(settings.traces || {}).forEach(function (i) {
      if (fig.data[+i]) merge(fig.data[+i], settings.traces[i]);
    });
    if (settings.layout && settings.layout.height) {
      el.style.height = settings.layout.height + "px";
      return true;
    }
    return false;
  }
  function fitToWidth(el, layout) {
    // A chart drawn to scale (a map, a network) keeps its shape on a narrow screen: its height
    // follows the width it gets, instead of leaving empty space above and below.
    var scaled = layout.yaxis && layout.yaxis.scaleanchor;
    var width = el.clientWidth, designed = layout.width || 900;
    if (!scaled || !width || width >= designed) return;
    var height = Math.max(320, Math.round((layout.height || 600) * width / designed));
    layout.height = height;
    el.style.height = height + "px";
  }
  function holderOf(plotId) {
    return document.querySelector('script.dushanbe-plotly-data[data-plot="' + plotId + '"]');
  }
  var plotlyLoading = null;
  function withPlotly() {
    // plotly.js (the local file named by the page) is fetched once, after the page has loaded.
    if (window.Plotly) return Promise.resolve();
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        if (!window.DUSHANBE_PLOTLY) { reject(new Error("no plotly.js named for this page")); return; }
        var script = document.createElement("script");
        script.src = window.DUSHANBE_PLOTLY;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }
  function charts() {
    // Charts are drawn as they come near the viewport, so a page with many charts opens fast.
    var holders = Array.prototype.slice.call(document.querySelectorAll("script.dushanbe-plotly-data"));
    if (!holders.length || !window.Plotly) return;
    if (!("IntersectionObserver" in window)) { holders.forEach(draw); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        seen.unobserve(entry.target);
        idle(function () { draw(holderOf(entry.target.id)); });
      });
    }, {rootMargin: "400px 0px"});
    holders.forEach(function (h) { seen.observe(document.getElementById(h.getAttribute("data-plot"))); });
  }
  function idle(task) {
    // one chart per idle moment, so drawing never holds up what the reader is doing
    (window.requestIdleCallback || function (f) { return setTimeout(f, 1); })(task, {timeout: 2000});
  }
  var WAKE = ["scroll", "wheel", "pointerdown", "pointermove", "keydown", "touchstart", "focusin"];
  function ready() {
    absolutePermalinks();
    retrievedToday();
    frameControls();
    if (!document.querySelector("script.dushanbe-plotly-data")) return;
    // The page opens with each chart's static image. The interactive charts (and plotly.js)
    // come when the reader scrolls, points, touches or types.
    var started = false;
    var start = function (event) {
      // the page's own scroll, not a side panel's (the theme scrolls its sidebar on load)
      if (started || (event && event.type === "scroll" && event.target !== document)) return;
      started = true;
      WAKE.forEach(function (e) { window.removeEventListener(e, start, true); });
      withPlotly().then(charts);
    };
    WAKE.forEach(function (e) { window.addEventListener(e, start, {capture: true, passive: true}); });
  }
  // the chart pages drawn outside the book (figures/<id>.html) use the same narrow-screen rules
  window.DushanbeCharts = {narrowSettings: narrowSettings, fitToWidth: fitToWidth, touchConfig: touchConfig};
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
