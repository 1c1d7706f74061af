/* The hall display: the latest call per counter, the newest one large, updated live from the event stream. */
"use strict";
(function () {
  var $ = Kiosk.$, el = Kiosk.el;
  var calls = [];

  function render() {
    var body = $("board");
    body.innerHTML = "";
    calls.forEach(function (c, i) {
      var tr = el("tr", i === 0 ? "newest" : "");
      tr.appendChild(el("td", "ticket", c.ticket));
      tr.appendChild(el("td", "counter", String(c.counter)));
      body.appendChild(tr);
    });
    var newest = calls[0];
    $("now-ticket").textContent = newest ? newest.ticket : "–";
    $("now-counter").textContent = newest ? "đến quầy " + newest.counter : "";
  }

  function flash() {
    var now = $("now");
    now.classList.remove("flash");
    void now.offsetWidth;
    now.classList.add("flash");
  }

  function onServing(s) {
    calls = calls.filter(function (c) { return c.counter !== s.counter; });
    if (s.ticket) {
      calls.unshift({ counter: s.counter, ticket: s.ticket, ts: s.ts });
      if (s.called) { flash(); }
    }
    render();
  }

  function loadState() {
    return Kiosk.getJson("/api/state").then(function (s) {
      if (s.mode !== "hall-display") { location.reload(); return; }
      Kiosk.setTimeZone(s.timezone);
      tick();
      $("office").textContent = s.officeName || "Bộ phận một cửa";
      $("notice").textContent = s.notice || "";
      $("notice").classList.toggle("hidden", !s.notice);
      calls = s.calls.filter(function (c) { return c.ticket; });
      render();
    });
  }

  function tick() {
    var d = new Date();
    $("date").textContent = Kiosk.dateText(d, "vi");
    $("time").textContent = Kiosk.timeText(d);
  }

  setInterval(tick, 1000);
  tick();
  Kiosk.stream({
    _open: function () { loadState().then(function () { window.kioskReady = true; }); },
    serving: onServing,
    config: function (c) { if (c.reload || c.mode !== "hall-display") { location.reload(); } else { loadState(); } }
  });
})();
