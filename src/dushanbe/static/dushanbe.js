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
  }
  function frameControls() {
    // A <select> beside a chart with animation frames (e.g. dates) switches frames from the
    // keyboard as well as the mouse, and keeps the chart's own slider in step.
    document.querySelectorAll("select.dushanbe-frame-select").forEach(function (select) {
      select.addEventListener("change", function () {
        var plot = document.getElementById(select.getAttribute("data-plot"));
        if (!plot || !window.Plotly) return;
        window.Plotly.animate(plot, [select.value], {
          mode: "immediate", frame: {duration: 0, redraw: true}, transition: {duration: 0}
        }).then(function () {
          window.Plotly.relayout(plot, {"sliders[0].active": select.selectedIndex});
        });
      });
    });
  }
  function ready() {
    absolutePermalinks();
    frameControls();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
