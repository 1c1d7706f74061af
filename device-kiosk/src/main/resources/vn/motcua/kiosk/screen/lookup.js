/* The look-up screen: search with an on-screen keyboard, browse by field, a procedure's page, dossier status
   from a barcode (keyboard-wedge readers are told from typing by their speed), back home when left idle. */
"use strict";
(function () {
  var $ = Kiosk.$, el = Kiosk.el;
  var TEXT = {
    vi: { homeTitle: "Tra cứu thủ tục hành chính", searchPlaceholder: "Nhập tên thủ tục, ví dụ: khai sinh",
          browse: "Theo lĩnh vực", scanHint: "Quét mã vạch trên giấy hẹn trả kết quả để xem tình trạng hồ sơ",
          back: "‹ Quay lại", fieldsTitle: "Thủ tục theo lĩnh vực", duration: "Thời hạn giải quyết", fee: "Phí, lệ phí",
          documents: "Giấy tờ cần mang theo", dossierTitle: "Tình trạng hồ sơ", close: "Đóng", offline: "Đang kết nối lại…",
          space: "Dấu cách", clear: "Xoá hết", noResults: "Không tìm thấy thủ tục phù hợp. Hãy thử từ khác.",
          sameDay: "Trong ngày", days: " ngày làm việc", free: "Miễn phí", procedures: " thủ tục",
          pending: "Đang tra cứu…", found: "", "not-found": "Không tìm thấy hồ sơ với mã này.",
          invalid: "Mã vừa quét không phải mã hồ sơ. Vui lòng quét mã vạch trên giấy hẹn trả kết quả.",
          unavailable: "Hiện chưa tra cứu được hồ sơ. Vui lòng thử lại sau hoặc hỏi cán bộ tại quầy.",
          code: "Mã hồ sơ: ", noDocuments: "Không yêu cầu giấy tờ.", searchLabel: "Tìm thủ tục", backspace: "Xoá một chữ" },
    en: { homeTitle: "Administrative procedures", searchPlaceholder: "Type a procedure name, e.g. khai sinh",
          browse: "By field", scanHint: "Scan the barcode on your appointment slip to see your dossier's status",
          back: "‹ Back", fieldsTitle: "Procedures by field", duration: "Processing time", fee: "Fees",
          documents: "Documents to bring", dossierTitle: "Dossier status", close: "Close", offline: "Reconnecting…",
          space: "Space", clear: "Clear", noResults: "No matching procedure. Try other words.",
          sameDay: "Same day", days: " working days", free: "Free of charge", procedures: " procedures",
          pending: "Looking it up…", found: "", "not-found": "No dossier with this code.",
          invalid: "This is not a dossier code. Please scan the barcode on your appointment slip.",
          unavailable: "Dossier look-up is unavailable right now. Please try again later or ask at a counter.",
          code: "Dossier code: ", noDocuments: "No documents required.", searchLabel: "Search procedures", backspace: "Delete one letter" }
  };
  var WEDGE_GAP_MS = 50, WEDGE_MIN = 6;
  var lang = "vi", idleSeconds = 60, lastTouch = Date.now(), searchTimer = null, shownProcedure = null;
  var state = { query: "" };

  function t(key) { return (TEXT[lang] && TEXT[lang][key] !== undefined) ? TEXT[lang][key] : TEXT.vi[key]; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = t(e.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (e) {
      e.placeholder = t(e.getAttribute("data-i18n-placeholder"));
    });
    document.querySelectorAll(".lang-button").forEach(function (b) {
      b.classList.toggle("active", b.getAttribute("data-lang") === lang);
    });
    $("key-space").textContent = t("space");
    $("key-backspace").setAttribute("aria-label", t("backspace"));
    $("key-clear").textContent = t("clear");
    if (shownProcedure) { renderProcedure(shownProcedure); }
  }

  function show(id) {
    ["home", "fields", "procedure"].forEach(function (s) { $(s).classList.toggle("hidden", s !== id); });
  }

  function buildKeyboard() {
    var rows = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"];
    var kb = $("keyboard");
    rows.forEach(function (row, i) {
      var r = el("div", "key-row");
      row.split("").forEach(function (ch) {
        var k = el("button", "key", ch);
        k.type = "button";
        k.id = "key-" + ch;
        k.addEventListener("click", function () { type(ch.toLowerCase()); });
        r.appendChild(k);
      });
      if (i === 2) {
        var bs = el("button", "key wide", "⌫");
        bs.type = "button";
        bs.id = "key-backspace";
        bs.addEventListener("click", function () { setQuery(state.query.slice(0, -1)); });
        r.appendChild(bs);
      }
      kb.appendChild(r);
    });
    var last = el("div", "key-row");
    var clear = el("button", "key wide", t("clear"));
    clear.type = "button";
    clear.id = "key-clear";
    clear.addEventListener("click", function () { setQuery(""); });
    var space = el("button", "key space", t("space"));
    space.type = "button";
    space.id = "key-space";
    space.addEventListener("click", function () { type(" "); });
    last.appendChild(clear);
    last.appendChild(space);
    kb.appendChild(last);
  }

  function type(ch) { setQuery((state.query + ch).slice(0, 100)); }

  function setQuery(q) {
    state.query = q;
    $("search").value = q;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 120);
  }

  function search() {
    var q = state.query.trim();
    var list = $("results");
    if (!q) {
      list.innerHTML = "";
      list.setAttribute("data-query", "");
      $("hint").classList.remove("hidden");
      return;
    }
    $("hint").classList.add("hidden");
    Kiosk.getJson("/api/procedures?limit=20&q=" + encodeURIComponent(q)).then(function (body) {
      if (q !== state.query.trim()) { return; }
      renderList(list, body.results);
      list.setAttribute("data-query", q);
    }).catch(function () { list.innerHTML = ""; });
  }

  function renderList(list, results) {
    list.innerHTML = "";
    if (!results.length) {
      list.appendChild(el("li", "empty", t("noResults")));
      return;
    }
    results.forEach(function (r) {
      var li = el("li", "result");
      var b = el("button", "result-button");
      b.type = "button";
      b.setAttribute("data-id", r.id);
      b.appendChild(el("span", "result-title", r.title));
      b.appendChild(el("span", "result-field", r.field));
      b.addEventListener("click", function () { openProcedure(r.id); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function openProcedure(id) {
    Kiosk.getJson("/api/procedures/" + encodeURIComponent(id)).then(function (p) {
      shownProcedure = p;
      renderProcedure(p);
      show("procedure");
      $("procedure").scrollTop = 0;
    });
  }

  function renderProcedure(p) {
    $("procedure-title").textContent = p.title;
    $("procedure-field").textContent = p.field;
    $("procedure-duration").textContent = p.durationDays === 0 ? t("sameDay") : p.durationDays + t("days");
    $("procedure-fee").textContent = p.fee || t("free");
    var docs = $("procedure-documents");
    docs.innerHTML = "";
    if (!p.documents.length) { docs.appendChild(el("li", "", t("noDocuments"))); }
    p.documents.forEach(function (d) { docs.appendChild(el("li", "", d)); });
  }

  function openFields() {
    $("field-procedures").classList.add("hidden");
    $("field-list").classList.remove("hidden");
    Kiosk.getJson("/api/fields").then(function (body) {
      var grid = $("field-list");
      grid.innerHTML = "";
      body.fields.forEach(function (f) {
        var b = el("button", "field-button");
        b.type = "button";
        b.appendChild(el("span", "field-name", f.field));
        b.appendChild(el("span", "field-count", f.count + t("procedures")));
        b.addEventListener("click", function () { openField(f.field); });
        grid.appendChild(b);
      });
      show("fields");
    });
  }

  function openField(field) {
    Kiosk.getJson("/api/procedures?limit=2000&field=" + encodeURIComponent(field)).then(function (body) {
      $("field-list").classList.add("hidden");
      var list = $("field-procedures");
      list.classList.remove("hidden");
      renderList(list, body.results);
      $("fields-title").textContent = field;
    });
  }

  function back() {
    if (!$("fields").classList.contains("hidden") && $("field-list").classList.contains("hidden")) {
      openFields();
      $("fields-title").textContent = t("fieldsTitle");
      return;
    }
    shownProcedure = null;
    show("home");
  }

  function goHome() {
    shownProcedure = null;
    closeDossier();
    setQuery("");
    show("home");
    if (lang !== "vi") { lang = "vi"; applyLanguage(); }
  }

  /* What a dossier status means to the citizen, for its colour: done (green), act (amber), refused (red), waiting (blue). */
  var STATUS_TONES = { ready: "done", returned: "done", "additional-documents": "act", rejected: "refused",
                       refused: "refused", received: "waiting", processing: "waiting" };

  function showDossier(d) {
    $("dossier-code").textContent = t("code") + d.code;
    var result = $("dossier-result");
    result.className = "dossier-result " + d.result
        + (d.result === "found" ? " tone-" + (STATUS_TONES[d.status] || "waiting") : "");
    result.setAttribute("data-status", d.result === "found" ? (d.status || "") : "");
    result.textContent = d.result === "found" ? (d.statusText || d.status) : t(d.result);
    $("dossier-text").textContent = "";
    $("dossier").classList.remove("hidden");
    lastTouch = Date.now();
  }

  function closeDossier() { $("dossier").classList.add("hidden"); }

  /* A keyboard-wedge reader types a code much faster than a person, then Enter. */
  var wedge = { buffer: "", last: 0 };
  function onKey(e) {
    var now = Date.now();
    var gap = now - wedge.last;
    wedge.last = now;
    if (e.key === "Enter") {
      if (wedge.buffer.length >= WEDGE_MIN && gap < WEDGE_GAP_MS * 2) {
        fetch("/api/dossier", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: wedge.buffer });
        e.preventDefault();
      }
      wedge.buffer = "";
      return;
    }
    if (e.key.length !== 1) { return; }
    wedge.buffer = gap < WEDGE_GAP_MS ? (wedge.buffer + e.key).slice(-128) : e.key;
  }

  function touched() { lastTouch = Date.now(); }

  function idleCheck() {
    if (Date.now() - lastTouch > idleSeconds * 1000) {
      lastTouch = Date.now();
      goHome();
    }
  }

  function tick() { $("clock").textContent = Kiosk.timeText(new Date()); }

  function loadState() {
    return Kiosk.getJson("/api/state").then(function (s) {
      if (s.mode !== "lookup") { location.reload(); return; }
      Kiosk.setTimeZone(s.timezone);
      tick();
      idleSeconds = s.idleSeconds;
      $("office").textContent = s.officeName || "Bộ phận một cửa";
      document.body.setAttribute("data-config-version", s.configVersion);
    });
  }

  buildKeyboard();
  applyLanguage();
  document.querySelectorAll(".back").forEach(function (b) { b.addEventListener("click", back); });
  document.querySelectorAll(".lang-button").forEach(function (b) {
    b.addEventListener("click", function () { lang = b.getAttribute("data-lang"); applyLanguage(); search(); });
  });
  $("browse").addEventListener("click", openFields);
  $("dossier-close").addEventListener("click", closeDossier);
  $("dossier").addEventListener("click", function (e) { if (e.target === $("dossier")) { closeDossier(); } });
  document.addEventListener("pointerdown", touched, true);
  document.addEventListener("keydown", function (e) { touched(); onKey(e); }, true);
  setInterval(idleCheck, 1000);
  setInterval(tick, 1000);
  tick();
  loadState();
  Kiosk.stream({
    _open: function () { window.kioskReady = true; },
    dossier: showDossier,
    config: function (c) { if (c.reload || c.mode !== "lookup") { location.reload(); } else { loadState(); } }
  });
})();
