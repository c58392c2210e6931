// gistbook: small progressive enhancement. Every page works without this file.
(function () {
  "use strict";

  // Parts that are costly to compute (related items, drawn background) arrive after the page; without script
  // they are a link. An empty answer hides a box marked data-hide-empty.
  function loadFragments(root) {
    if (!window.fetch) { return; }
    root.querySelectorAll("[data-fragment]").forEach(function (box) {
      fetch(box.getAttribute("data-fragment"), { headers: { "X-Fragment": "1" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          box.removeAttribute("data-fragment");
          if (!html.trim() && box.hasAttribute("data-hide-empty")) { box.hidden = true; return; }
          box.innerHTML = html;
        })
        .catch(function () { /* the link stays */ });
    });
  }
  loadFragments(document);

  // An article's entity links come out of the Tab order (a release holds up to a hundred, all before the Notes);
  // the "Tab through entity links" switch puts them back, and this browser remembers the choice.
  var ENTITY_KEY = "gistbook.entity-links";
  function entityLinksOn() {
    try { return window.localStorage.getItem(ENTITY_KEY) === "on"; } catch (e) { return false; }
  }
  function applyEntityLinks(root, on) {
    root.querySelectorAll("a.ent").forEach(function (link) {
      if (on) { link.removeAttribute("tabindex"); } else { link.setAttribute("tabindex", "-1"); }
    });
    root.querySelectorAll("[data-entity-toggle]").forEach(function (box) {
      box.checked = on;
      var label = box.closest(".ent-toggle");
      if (label) { label.hidden = false; }
    });
  }
  applyEntityLinks(document, entityLinksOn());
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-entity-toggle")) { return; }
    try { window.localStorage.setItem(ENTITY_KEY, box.checked ? "on" : "off"); } catch (e) { /* this page only */ }
    applyEntityLinks(document, box.checked);
  });

  function swapMain(html, hash) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.querySelector("main");
    var main = document.querySelector("main");
    if (!fresh || !main) { return false; }
    main.className = fresh.className;
    main.innerHTML = fresh.innerHTML;
    document.title = doc.title;
    loadFragments(main);
    applyEntityLinks(main, entityLinksOn());
    if (hash) {
      history.replaceState(null, "", location.pathname + location.search + hash);
      var target = document.getElementById(hash.slice(1));
      if (target) { target.scrollIntoView({ block: "center" }); }
    }
    return true;
  }

  // Note forms: post in the background, then show the page the server redirected to, keeping the reader's place.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    if (!form.hasAttribute("data-swap") || !window.fetch || !window.DOMParser) { return; }
    event.preventDefault();
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), redirect: "follow",
                         headers: { "Accept": "text/html" } })
      .then(function (response) {
        return response.text().then(function (html) {
          var hash = response.ok && response.url.indexOf("#") >= 0 ? response.url.slice(response.url.indexOf("#")) : "";
          if (!swapMain(html, hash)) { form.submit(); }
        });
      })
      .catch(function () { form.submit(); });
  });

  // Ctrl/Cmd+Enter saves a note; opening "+ Note" puts the cursor in its box.
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (el instanceof HTMLTextAreaElement && event.key === "Enter" && (event.ctrlKey || event.metaKey) && el.form) {
      event.preventDefault();
      el.form.requestSubmit();
    }
  });
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details instanceof HTMLDetailsElement && details.open) {
      var box = details.querySelector("textarea");
      if (box) { box.focus(); }
    }
  }, true);

  // Review: "u" takes back the last rating (whether or not a card is showing).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "u" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var undo = document.querySelector("[data-undo]");
    if (undo && !undo.disabled) { event.preventDefault(); undo.click(); }
  });

  // Review: space reveals the answer, 1-4 rate it (Again, Hard, Good, Easy).
  document.addEventListener("keydown", function (event) {
    var review = document.querySelector("[data-review]");
    if (!review || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var reveal = review.querySelector("details.card-reveal");
    if (!reveal) { return; }
    if (event.key === " " || event.key === "Spacebar") {
      if (!reveal.open) {
        event.preventDefault();
        reveal.open = true;
        var good = review.querySelector("[data-rating='3']");
        if (good) { good.focus({ preventScroll: true }); }
      }
      return;
    }
    if (/^[1-4]$/.test(event.key) && reveal.open) {
      var button = review.querySelector('[data-rating="' + event.key + '"]');
      if (button && !button.disabled) { event.preventDefault(); button.click(); }
    }
  });

  // Search: on a phone the filters start folded, so the results fill the first screen (not when one is set).
  if (window.matchMedia && window.matchMedia("(max-width: 680px)").matches) {
    document.querySelectorAll("details[data-fold-narrow]:not([data-keep-open])").forEach(function (fold) {
      fold.open = false;
    });
  }

  // Add: a pasted text's title follows its heading (its first line, or that line's first sentence when it is too
  // long to be one: jobs.pasted_title) until the reader types a title of their own; the hidden flag tells the
  // server the title was filled in here, so a heading the reader finds in the text may still win.
  document.querySelectorAll("[data-first-line-of]").forEach(function (title) {
    var source = document.getElementById(title.getAttribute("data-first-line-of"));
    var auto = title.form && title.form.querySelector("input[name=text_title_auto]");
    if (!source) { return; }
    var edited = title.value.trim() !== "";
    title.addEventListener("input", function () {
      edited = title.value.trim() !== "";
      if (auto) { auto.value = edited ? "" : "1"; }
    });
    source.addEventListener("input", function () {
      if (edited) { return; }
      var first = source.value.split("\n").map(function (line) { return line.replace(/^[\s\u2022*-]+/, "").trim(); })
        .filter(function (line) { return line; })[0] || "";
      if (first.length > 100) {
        var end = first.search(/[.!?\u0964](?=["\u201d\u2019')\]]*\s+\S)/);
        if (end > 0) { first = first.slice(0, end + 1); }
      }
      if (first.length > 300) { first = first.slice(0, 300).replace(/\s+\S*$/, ""); }
      title.value = first.trim();
      if (auto) { auto.value = first ? "1" : ""; }
    });
  });
})();
