/* Shared by the kiosk's pages: the event stream, the clock and small DOM helpers. No libraries, no network beyond the kiosk. */
"use strict";
var Kiosk = (function () {
  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function getJson(url) {
    return fetch(url, { cache: "no-store" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    });
  }

  /* Opens /api/stream and calls handlers[event](data); the browser reconnects by itself. */
  function stream(handlers) {
    var source = new EventSource("/api/stream");
    Object.keys(handlers).filter(function (n) { return n.charAt(0) !== "_"; }).forEach(function (name) {
      source.addEventListener(name, function (e) {
        var data;
        try { data = JSON.parse(e.data); } catch (err) { return; }
        handlers[name](data);
      });
    });
    source.onopen = function () {
      document.body.classList.remove("offline");
      if (handlers._open) { handlers._open(); }
    };
    source.onerror = function () { document.body.classList.add("offline"); };
    return source;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  var DAYS = { vi: ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
               en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] };

  function dateText(d, lang) {
    return DAYS[lang === "en" ? "en" : "vi"][d.getDay()] + ", " + pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear();
  }

  function timeText(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()); }

  return { $: $, el: el, getJson: getJson, stream: stream, dateText: dateText, timeText: timeText };
})();
