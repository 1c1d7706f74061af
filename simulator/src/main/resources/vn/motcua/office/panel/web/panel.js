"use strict";
(function () {
  const LEVELS = ["very-satisfied", "satisfied", "unsatisfied"];
  const MOUTHS = {"very-satisfied": "M6.5 13 Q12 22 17.5 13 Z", "satisfied": "M8 15 Q12 17.5 16 15", "unsatisfied": "M8 17 Q12 13.5 16 17"};
  const face = (l) => `<svg class="face" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="10.5"/>` +
      `<circle class="eye" cx="8.5" cy="9.5" r="1.4"/><circle class="eye" cx="15.5" cy="9.5" r="1.4"/><path d="${MOUTHS[l]}"/></svg>`;
  let lang = localStorage.getItem("motcua.lang") || "vi";
  let speaker = false;
  let state = null;
  let built = false;
  let lastCallKey = null;

  const $ = (sel, root) => (root || document).querySelector(sel);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) =>
      ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c]));
  function t(key, vars) {
    let s = (I18N[lang] && I18N[lang][key]) || I18N.vi[key] || key;
    Object.entries(vars || {}).forEach(([k, v]) => { s = s.replace("{" + k + "}", v); });
    return s;
  }
  function post(url, body) {
    return fetch(url, {method: "POST", body: body || ""}).then((r) => r.json()).catch(() => ({ok: false}));
  }
  function duration(sec) {
    if (sec == null) return t("none");
    const m = Math.floor(sec / 60), s = Math.round(sec % 60);
    return m + ":" + String(s).padStart(2, "0");
  }
  function stateLabel(r) { return (I18N[lang] && I18N[lang]["st_" + r]) ? t("st_" + r) : r; }
  function copyText(text, button) {
    const done = () => { button.textContent = t("copied"); setTimeout(() => { button.textContent = t("copy"); }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, () => {});
      return;
    }
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    done();
  }
  function pct(x) { return Math.round((x || 0) * 100) + "%"; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    $("#lang").textContent = lang === "vi" ? "EN" : "VI";
    $("#lang").title = t("language");
    $("#speaker").title = t("speakerToggle");
    $("#kiosk-frame").title = t("kioskFrame");
    $("#samples").setAttribute("aria-label", t("samplesLabel"));
    speakerLabel();
    if (state) render();
  }

  function build(s) {
    const services = $("#services");
    services.innerHTML = s.services.map((svc) =>
      `<button type="button" class="svc" id="svc-${esc(svc.code)}" data-code="${esc(svc.button)}">
         <b>${esc(svc.code)}</b><span>${esc(svc.name)}</span><small class="svc-note"></small></button>`).join("");
    services.querySelectorAll("button").forEach((b) =>
      b.addEventListener("click", () => post("/api/devices/printer-1/press", b.dataset.code)));
    const counters = $("#counters");
    let html = "";
    for (let n = 1; n <= s.counters; n++) {
      html += `<section class="card counter" id="counter-${n}">
        <h2><span class="lbl-counter"></span> ${n} <span class="dev" id="pad-${n}-status"></span></h2>
        <div class="serving"><span class="lbl-serving"></span><strong class="serving-ticket">—</strong></div>
        <div class="officer">
          <button type="button" class="primary act-call" data-act="call"></button>
          <button type="button" class="act-recall" data-act="recall"></button>
          <button type="button" class="act-close" data-act="close"></button>
        </div>
        <div class="note hidden"></div>
        <h3 class="lbl-pad"></h3>
        <div class="row"><pre class="lcd small-lcd" id="pad-${n}-display"></pre><div class="leds" id="pad-${n}-leds"></div></div>
        <div class="rate">${LEVELS.map((l) =>
          `<button type="button" class="level ${l}" id="rate-${n}-${l}" data-button="${l}">${face(l)}<span class="lvl"></span></button>`).join("")}</div>
        <div class="reasons">${s.reasons.map((r) =>
          `<button type="button" class="reason small" data-button="${esc(r.button)}">${esc(r.label)}</button>`).join("")}</div>
      </section>`;
    }
    counters.innerHTML = html;
    for (let n = 1; n <= s.counters; n++) {
      const card = $("#counter-" + n);
      card.querySelectorAll(".officer button").forEach((b) =>
        b.addEventListener("click", () => post(`/api/counters/${n}/${b.dataset.act}`).then((r) => {
          if (!r.ok) note(card, b.dataset.act === "call" ? t("nobody") : t("noOne"));
        })));
      card.querySelectorAll(".rate button, .reasons button").forEach((b) =>
        b.addEventListener("click", () => post(`/api/devices/pad-${n}/press`, b.dataset.button)));
    }
    $("#samples").innerHTML = s.sampleCodes.map((c) => `<button type="button" class="chip">${esc(c)}</button>`).join("");
    document.querySelectorAll("#samples .chip").forEach((c) =>
      c.addEventListener("click", () => { $("#scan-input").value = c.textContent; post("/api/scan", c.textContent); }));
    if (s.lookupUrl && s.started.includes("kiosk-lookup")) {
      $("#kiosk-frame").dataset.src = s.lookupUrl;
      $("#kiosk-open").href = s.lookupUrl;
      $("#kiosk-open").classList.remove("hidden");
    } else {
      $(".frame-wrap").innerHTML = `<p class="muted" data-i18n="noKiosk">${t("noKiosk")}</p>`;
      $(".frame-wrap").classList.add("empty");
    }
    $("#office-name").textContent = s.officeName;
    built = true;
  }

  function note(card, text) {
    const el = card.querySelector(".note");
    el.textContent = text;
    el.classList.remove("hidden");
    clearTimeout(el.timer);
    el.timer = setTimeout(() => el.classList.add("hidden"), 3000);
  }

  function deviceBadge(id) {
    const d = state.district.devices[id];
    const polled = state.devices[id];
    if (!state.started.includes(id)) return `<span class="pill idle">${t("notRunning")}</span>`;
    const on = d && d.online;
    const reach = polled && polled.reachable;
    return `<span class="pill ${on && reach ? "on" : "off"}">${on ? t("online") : t("offline")}</span>`;
  }
  /** A label from the dictionary when it has one (LED, component and printer-state names), else the code itself. */
  function known(prefix, code) { return (I18N[lang] && I18N[lang][prefix + code]) ? t(prefix + code) : code; }
  function ledState(st) { return t(st === "on" ? "ledOn" : st === "blink" ? "ledBlink" : "ledOff"); }
  function leds(map) {
    return Object.entries(map || {}).map(([name, st]) =>
      `<span class="led ${esc(st)}" title="${esc(known("led_", name))}: ${esc(ledState(st))}"><i></i>${esc(known("led_", name))}</span>`).join("");
  }
  /** A component's health as words: "máy in: lỗi (Hết giấy)". */
  function component(name, value) {
    const v = String(value);
    const m = v.match(/^(fault|degraded):?(.*)$/);
    const what = m ? t(m[1] === "fault" ? "hwFault" : "hwDegraded") + (m[2] ? " (" + stateLabel(m[2]) + ")" : "")
        : v === "ok" ? t("hwOk") : v;
    return `<span class="${m ? "bad" : "good"}">${esc(known("hw_", name))}: ${esc(what)}</span>`;
  }
  function printerFault() {
    const p = state.devices["printer-1"];
    const comps = (p && p.health && p.health.components) || {};
    for (const [name, st] of Object.entries(comps)) {
      const text = typeof st === "string" ? st : (st && st.status) || "";
      if (text.startsWith("fault")) return text.replace(/^fault:?/, "") || name;
    }
    return null;
  }

  function renderPrinter() {
    const started = state.started.includes("printer-1");
    $("#printer-missing").classList.toggle("hidden", started);
    $("#printer-status").innerHTML = deviceBadge("printer-1");
    const p = state.devices["printer-1"] || {};
    $("#printer-lcd").textContent = (p.lines || []).join("\n") || " ";
    $("#printer-leds").innerHTML = leds(p.leds);
    const fault = printerFault();
    const warning = fault && p.health && p.health.status === "degraded";
    const refusal = state.district.lastRefusal;
    const faultBox = $("#printer-fault");
    faultBox.classList.toggle("hidden", !fault);
    faultBox.classList.toggle("warning", !!warning);
    faultBox.textContent = fault ? "⚠ " + t(warning ? "warning" : "fault") + ": " + stateLabel(fault) : "";
    const waiting = state.district.waiting || {};
    state.services.forEach((svc) => {
      const b = $("#svc-" + svc.code);
      b.classList.toggle("faulted", !!fault && !warning);
      b.classList.toggle("warned", !!warning);
      b.disabled = !started;
      const n = (waiting[svc.code] || []).length;
      b.querySelector(".svc-note").textContent = fault ? "⚠ " + stateLabel(fault) : t("waitingN", {n: n});
    });
    if (refusal && fault && !warning) faultBox.textContent += " · " + t("refused") + " " + refusal.service;
    const out = p.printer;
    const select = $("#paper-state");
    if (out && out.state && document.activeElement !== select) select.value = out.state;
    select.disabled = !started;
    const box = $("#ticket");
    if (out && out.printed > 0) {
      const key = String(out.printed) + lang;
      if (box.dataset.key !== key) {
        box.dataset.key = key;
        box.innerHTML = out.png
          ? `<img id="ticket-img" alt="${esc(t("ticketImage"))}" src="/api/printer/last.png?n=${out.printed}">`
          : `<pre id="ticket-text">${esc(out.text)}</pre>`;
      }
    }
  }

  function renderCounters() {
    const serving = state.district.serving || {};
    for (let n = 1; n <= state.counters; n++) {
      const card = $("#counter-" + n);
      card.querySelector(".lbl-counter").textContent = t("counter");
      card.querySelector(".lbl-serving").textContent = t("serving");
      card.querySelector(".lbl-pad").textContent = t("pad");
      card.querySelector(".serving-ticket").textContent = serving[n] || t("closed");
      card.querySelector(".act-call").textContent = t("call");
      card.querySelector(".act-recall").textContent = t("recall");
      card.querySelector(".act-close").textContent = t("close");
      LEVELS.forEach((l) => { card.querySelector(`#rate-${n}-${l} .lvl`).textContent = t(l); });
      $(`#pad-${n}-status`).innerHTML = deviceBadge("pad-" + n);
      const pad = state.devices["pad-" + n] || {};
      $(`#pad-${n}-display`).textContent = (pad.lines || []).join("\n") || " ";
      $(`#pad-${n}-leds`).innerHTML = leds(pad.leds);
      card.querySelectorAll(".rate button, .reasons button").forEach((b) => { b.disabled = !state.started.includes("pad-" + n); });
    }
  }

  function renderHall() {
    $("#hall-status").innerHTML = deviceBadge("kiosk-hall");
    const calls = state.district.calls || [];
    const head = state.district.headline;
    const callRow = (c, cls) => `<div class="call ${cls}"><b>${esc(c.ticket)}</b><span>→ ${t("counter")} ${esc(c.counter)}</span></div>`;
    const before = calls.filter((c) => !head || c.ts !== head.ts || c.counter !== head.counter);
    $("#board").innerHTML = (head ? callRow(head, "latest") : `<p class="muted" id="no-headline">${t("noCalls")}</p>`)
      + (before.length ? `<h3>${t("history")}</h3>` + before.map((c) => callRow(c, "")).join("") : "");
    const waiting = state.district.waiting || {};
    const chips = Object.entries(waiting).flatMap(([, list]) => list).map((tk) => `<span class="chip static">${esc(tk)}</span>`);
    $("#queue").innerHTML = chips.length ? chips.join("") : `<span class="muted">${t("queueEmpty")}</span>`;
    const hall = state.devices["kiosk-hall"] || {};
    const ann = (hall.announcements || []).slice(-6).reverse();
    $("#announcements").innerHTML = ann.map((a) => `<li>${esc(a)}</li>`).join("");
    if (head) {
      const key = head.ticket + "@" + head.counter + "@" + head.ts;
      if (lastCallKey !== null && key !== lastCallKey) speak(t("invite", {ticket: spell(head.ticket), counter: head.counter}));
      lastCallKey = key;
    } else {
      lastCallKey = "";
    }
  }

  function speakerLabel() { $("#speaker").textContent = t(speaker ? "speakerOnShort" : "speakerOffShort"); }
  function spell(ticket) { return ticket.replace(/^([A-Z])0*(\d+)$/, "$1 $2"); }
  function speak(text) {
    if (!speaker || !("speechSynthesis" in window)) return;
    const u = new SpeechSynthesisUtterance(text);
    const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().startsWith(lang === "vi" ? "vi" : "en"));
    u.lang = lang === "vi" ? "vi-VN" : "en-US";
    if (voice) u.voice = voice;
    speechSynthesis.speak(u);
  }

  function renderStats() {
    const s = state.district.statistics;
    const names = Object.fromEntries(state.services.map((x) => [x.code, x.name]));
    const today = Object.entries(s.ticketsToday || {});
    const total = today.reduce((a, [, n]) => a + n, 0);
    const bars = (r) => LEVELS.map((l) =>
      `<div class="bar ${l}" style="width:${(r.shares[l] || 0) * 100}%" title="${t(l)} ${pct(r.shares[l])}"></div>`).join("");
    const ratingRow = (label, r, id) => `<div class="rating-row" id="${id}"><span class="rl">${label}</span>
        <div class="bars">${bars(r)}</div><span class="rn">${t("ratingsN", {n: r.count})}</span>
        <span class="shares">${LEVELS.map((l) => t(l) + " " + pct(r.shares[l])).join(" · ")}</span></div>`;
    const byCounter = Object.entries(s.ratings.byCounter || {}).map(([n, r]) => ratingRow(t("counter") + " " + n, r, "stats-counter-" + n));
    const labels = Object.fromEntries(state.reasons.map((r) => [r.code, r.label]));
    const without = s.ratings.withoutTicket || {count: 0, shares: {}, reasons: {}};
    const reasonList = (map, id) => `<ul class="per-service" id="${id}">${Object.entries(map || {}).map(([c, n]) =>
        `<li>${esc(labels[c] || c)}<span>${n}</span></li>`).join("") || `<li class="muted">${t("none")}</li>`}</ul>`;
    $("#stats-body").innerHTML = `
      <div class="figures">
        <div><small>${t("ticketsToday")}</small><b id="stats-tickets">${total}</b></div>
        <div><small>${t("served")}</small><b id="stats-served">${s.served}</b>
          <small class="hint" id="stats-served-hint">${t("servedHint")}; ${t("inService", {n: s.inService || 0})}</small></div>
        <div><small>${t("avgWait")}</small><b id="stats-wait">${duration(s.averageWaitSeconds)}</b></div>
        <div><small>${t("avgService")}</small><b id="stats-service">${duration(s.averageServiceSeconds)}</b></div>
      </div>
      <ul class="per-service">${today.map(([c, n]) => `<li><b>${esc(c)}</b> ${esc(names[c] || "")}<span>${n}</span></li>`).join("")}</ul>
      <h3>${t("ratingsServed")}</h3>
      ${ratingRow(t("overall"), s.ratings.overall, "stats-overall")}
      ${byCounter.join("")}
      <h3>${t("reasons")}</h3>
      ${reasonList(s.reasons, "stats-reasons")}
      <div class="apart" id="stats-without-ticket">
        <h3>${t("withoutTicket")}</h3>
        <p class="hint">${t("withoutTicketHint")}</p>
        ${ratingRow(t("total"), without, "stats-without")}
        ${without.count ? reasonList(without.reasons, "stats-without-reasons") : ""}
      </div>`;
  }

  // The release a device runs (GET /update, else its retained birth), whether it is on trial, and the last update's result.
  function release(d, u) {
    const running = u && u.running ? u.running : d.version;
    if (!running) return t("none");
    let out = esc(running);
    if (u && u.trial) out += ` <span class="pill idle" title="${t("trialHint")}">${t("trial")}</span>`;
    const last = u && u.last;
    if (last && last.result) {
      const result = t("update-" + last.result);
      out += `<br><small>${esc(last.version)}: ${esc(result)}${last.reason ? " (" + esc(last.reason) + ")" : ""}</small>`;
    }
    return out;
  }

  function renderDevices() {
    const ids = Array.from(new Set(state.plan.concat(Object.keys(state.district.devices))));
    const rows = ids.map((id) => {
      const d = state.district.devices[id] || {};
      const p = state.devices[id] || {};
      const tel = d.telemetry || {};
      const live = p.reachable && p.health && p.health.components;
      const hw = Object.entries(live || tel.hardware || {}).map(([k, v]) => component(k, v)).join(" ");
      const address = (state.coap || {})[id];
      const ctl = address ? "provisioning/motcua-ctl health --device " + address : "";
      const where = address ? `<td data-label="${t("address")}"><code>${esc(address)}</code></td>
        <td data-label="${t("ctl")}" class="ctl"><code>${esc(ctl)}</code>
          <button type="button" class="small copy" data-copy="${esc(ctl)}">${t("copy")}</button></td>`
        : `<td data-label="${t("address")}">${t("none")}</td><td data-label="${t("ctl")}">${t("none")}</td>`;
      const mq = d.online ? `<span class="pill on">${t("online")}</span>`
          : `<span class="pill off">${t("offline")}${d.reason ? " (" + esc(d.reason) + ")" : ""}</span>`;
      const ts = tel.ts ? String(tel.ts).substring(11, 19) : t("none");
      const rel = release(d, p.update);
      if (!state.started.includes(id) && !d.session) {
        return `<tr id="dev-${esc(id)}"><th scope="row">${esc(id)}</th><td colspan="7"><span class="pill idle">${t("notRunning")}</span></td>${where}</tr>`;
      }
      return `<tr id="dev-${esc(id)}"><th scope="row">${esc(id)}</th><td data-label="${t("mqtt")}">${mq}</td>
        <td data-label="${t("coap")}">${p.reachable ? t("reachable") : t("unreachable")}</td>
        <td data-label="${t("telemetry")}">${ts}</td>
        <td data-label="${t("config")}">${tel.configVersion == null ? esc(d.configVersion) : tel.configVersion}</td>
        <td data-label="${t("release")}" class="release">${rel}</td>
        <td data-label="${t("outbox")}" title="${t("outboxHint")}">${tel.outboxDepth == null ? t("none") : tel.outboxDepth}</td>
        <td data-label="${t("hardware")}" class="hw">${hw || t("none")}</td>${where}</tr>`;
    });
    const table = $("#device-table");
    table.innerHTML = `<thead><tr><th scope="col">${t("device")}</th><th scope="col">${t("mqtt")}</th><th scope="col">${t("coap")}</th>
      <th scope="col">${t("telemetry")}</th><th scope="col">${t("config")}</th><th scope="col">${t("release")}</th><th scope="col" title="${t("outboxHint")}">${t("outbox")}</th>
      <th scope="col">${t("hardware")}</th><th scope="col">${t("address")}</th><th scope="col">${t("ctl")}</th></tr></thead>
      <tbody>${rows.join("")}</tbody>`;
    table.querySelectorAll("button.copy").forEach((b) => b.addEventListener("click", () => copyText(b.dataset.copy, b)));
  }

  function render() {
    if (!built) build(state);
    const link = $("#link");
    link.className = "pill " + (state.brokerConnected ? "on" : "off");
    link.textContent = state.brokerConnected ? t("live") : t("brokerDown");
    $("#lookup-status").innerHTML = deviceBadge("kiosk-lookup");
    const frame = $("#kiosk-frame");
    const kiosk = state.devices["kiosk-lookup"];
    if (frame && frame.dataset.src && !frame.getAttribute("src") && kiosk && kiosk.reachable) {
      frame.src = frame.dataset.src;
    }
    renderPrinter();
    renderCounters();
    renderHall();
    renderStats();
    renderDevices();
    fitKiosk();
  }

  function fitKiosk() {
    const wrap = $(".frame-wrap"), frame = $("#kiosk-frame");
    if (wrap && frame) frame.style.transform = "scale(" + (wrap.clientWidth / 1280) + ")";
  }

  function connect() {
    const es = new EventSource("/api/stream");
    es.addEventListener("state", (e) => { state = JSON.parse(e.data); render(); });
    es.onerror = () => { const l = $("#link"); l.className = "pill off"; l.textContent = t("connecting"); };
  }

  $("#lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    localStorage.setItem("motcua.lang", lang);
    applyLanguage();
  });
  $("#speaker").addEventListener("click", () => {
    speaker = !speaker;
    speakerLabel();
    if (speaker) speak(t("speakerOn"));
  });
  $("#paper-state").addEventListener("change", (e) => post("/api/printer/state", e.target.value));
  $("#scan-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const v = $("#scan-input").value.trim();
    if (v) post("/api/scan", v);
  });
  window.addEventListener("resize", fitKiosk);
  applyLanguage();
  fitKiosk();
  connect();
})();
