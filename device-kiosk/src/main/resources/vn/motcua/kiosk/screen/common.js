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
  var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  /* How a Date reads in the office's time zone, set from /api/state ("Asia/Ho_Chi_Minh" or "+07:00"): the screen
     shows office time even when the machine's own zone was never set; a zone the browser does not know falls back to
     the machine's time. Null until /api/state answers: the clocks stay blank rather than flash the machine's time. */
  var fields = null;

  function setTimeZone(id) {
    var fixed = /^([+-])(\d\d):(\d\d)$/.exec(id || "");
    if (fixed) {
      var minutes = (fixed[1] === "-" ? -1 : 1) * (parseInt(fixed[2], 10) * 60 + parseInt(fixed[3], 10));
      fields = function (d) { return utcFields(new Date(d.getTime() + minutes * 60000)); };
      return;
    }
    try {
      var format = new Intl.DateTimeFormat("en-US", { timeZone: id, hourCycle: "h23", weekday: "short",
        year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
      fields = function (d) {
        var f = {};
        format.formatToParts(d).forEach(function (p) { f[p.type] = p.value; });
        return { year: +f.year, month: +f.month, day: +f.day, weekday: WEEKDAYS.indexOf(f.weekday),
                 hour: +f.hour % 24, minute: +f.minute, second: +f.second };
      };
    } catch (e) {
      fields = localFields;
    }
  }

  function utcFields(d) {
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(),
             hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }

  function localFields(d) {
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), weekday: d.getDay(),
             hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }

  function dateText(d, lang) {
    if (!fields) { return ""; }
    var f = fields(d);
    return DAYS[lang === "en" ? "en" : "vi"][f.weekday] + ", " + pad(f.day) + "/" + pad(f.month) + "/" + f.year;
  }

  function timeText(d) {
    if (!fields) { return ""; }
    var f = fields(d);
    return pad(f.hour) + ":" + pad(f.minute) + ":" + pad(f.second);
  }

  return { $: $, el: el, getJson: getJson, stream: stream, setTimeZone: setTimeZone, dateText: dateText, timeText: timeText };
})();
