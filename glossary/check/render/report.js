// Filters, search, counts and keyboard navigation for the check report. Everything works
// on the page's own elements (data-* attributes); nothing is fetched.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var $ = function (id) { return document.getElementById(id); };
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.seg"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f]"));
  var controls = {rule: $("f-rule"), severity: $("f-severity"), confidence: $("f-confidence"),
                  term: $("f-term")};
  var search = $("f-search"), clean = $("f-clean");
  var current = -1;

  function textOf(element) {  // lower-cased text, read once (the page does not change)
    if (element._text === undefined) element._text = element.textContent.toLowerCase();
    return element._text;
  }

  function apply() {
    var q = search.value.trim().toLowerCase();
    var shown = 0, errors = 0, warnings = 0, byRule = {}, visibleIds = {};
    findings.forEach(function (li) {
      var ok = Object.keys(controls).every(function (k) {
        var want = controls[k] ? controls[k].value : "";
        return !want || li.dataset[k] === want;
      });
      if (ok && q) {
        ok = textOf(li).indexOf(q) >= 0 ||
             textOf(li.closest(".pair-block").querySelector(".pair")).indexOf(q) >= 0;
      }
      li.hidden = !ok;
      if (ok) {
        shown++; visibleIds[li.dataset.id] = true;
        if (li.dataset.severity === "error") errors++; else warnings++;
        byRule[li.dataset.rule] = (byRule[li.dataset.rule] || 0) + 1;
      }
    });
    var segs = 0;
    sections.forEach(function (s) {
      if (s.classList.contains("clean")) {
        s.hidden = !clean.checked || (q && textOf(s).indexOf(q) < 0);
        return;
      }
      var any = s.querySelector("li.finding:not([hidden])") !== null;
      s.hidden = !any;
      if (any) segs++;
      s.querySelectorAll(".pair-block").forEach(function (block) {
        block.hidden = !block.querySelector("li.finding:not([hidden])");
      });
    });
    marks.forEach(function (m) {
      m.classList.toggle("dim", !m.dataset.f.split(" ").some(function (id) {
        return visibleIds[id];
      }));
    });
    document.querySelectorAll("td[data-shown]").forEach(function (td) {
      td.textContent = byRule[td.dataset.shown] || 0;
    });
    $("shown").textContent = shown + " of " + findings.length + " finding" +
      (findings.length === 1 ? "" : "s") + " shown (" + errors + " error" +
      (errors === 1 ? "" : "s") + ", " + warnings + " warning" + (warnings === 1 ? "" : "s") +
      ") in " + segs + " segment" + (segs === 1 ? "" : "s");
    var filtered = q || Object.keys(controls).some(function (k) {
      return controls[k] && controls[k].value;
    });
    $("f-reset").hidden = !filtered;
    var params = new URLSearchParams();
    Object.keys(controls).forEach(function (k) {
      if (controls[k] && controls[k].value) params.set(k, controls[k].value);
    });
    if (q) params.set("q", search.value.trim());
    if (clean.checked) params.set("clean", "1");
    var hash = location.hash && !/^#(rule|severity|term|confidence|q|clean)=/.test(location.hash.slice(1))
      ? location.hash : "";
    try {
      history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : "") + hash);
    } catch (e) { /* file:// pages in some browsers refuse; the filters still work */ }
  }

  function visible() {
    return findings.filter(function (li) { return !li.hidden && !li.closest("section").hidden; });
  }

  function go(step) {
    var list = visible();
    if (!list.length) return;
    var at = list.indexOf(findings[current]);
    if (at < 0 && current >= 0) {
      // the current finding was filtered out: go on from where it stands in the page
      var after = list.filter(function (li) { return findings.indexOf(li) > current; });
      at = step > 0 ? list.length - after.length - 1 : list.length - after.length;
    } else if (at < 0) {
      // from the top of the viewport: the first finding below it (or above it, going back)
      var top = window.scrollY + 80;
      at = step > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i++) {
        var y = list[i].getBoundingClientRect().top + window.scrollY;
        if (step > 0 && y < top) at = i;
        if (step < 0 && y >= top) { at = i; break; }
      }
    }
    var next = Math.min(Math.max(at + step, 0), list.length - 1);
    select(findings.indexOf(list[next]));
  }

  function select(index) {
    if (current >= 0) findings[current].classList.remove("current");
    current = index;
    var li = findings[index];
    li.classList.add("current");
    li.scrollIntoView({block: "center"});
    $("position").textContent = (visible().indexOf(li) + 1) + " / " + visible().length;
  }

  Object.keys(controls).forEach(function (k) {
    if (controls[k]) controls[k].addEventListener("change", apply);
  });
  var typing = null;  // a large report is filtered once the typing pauses, not per key
  search.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(apply, findings.length + sections.length > 3000 ? 250 : 0);
  });
  clean.addEventListener("change", apply);
  $("f-next").addEventListener("click", function () { go(1); });
  $("f-prev").addEventListener("click", function () { go(-1); });
  $("f-reset").addEventListener("click", function () {
    Object.keys(controls).forEach(function (k) { if (controls[k]) controls[k].value = ""; });
    search.value = ""; apply();
  });
  document.querySelectorAll("a[data-rule]").forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      controls.rule.value = a.dataset.rule;
      apply();
      var first = visible()[0];
      if (first) select(findings.indexOf(first));
    });
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape" && typing) { event.target.blur(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j" || event.key === "n") { go(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { go(-1); event.preventDefault(); }
    else if (event.key === "/") { search.focus(); event.preventDefault(); }
  });

  // Filters given in the address (report.html?rule=missing-term&q=лагерь) are applied.
  var given = new URLSearchParams(location.search);
  Object.keys(controls).forEach(function (k) {
    if (controls[k] && given.has(k)) controls[k].value = given.get(k);
  });
  if (given.has("q")) search.value = given.get("q");
  if (given.get("clean") === "1") clean.checked = true;
  apply();
  // A link to a segment (report.html#seg-7) shows it: the clean segments when it is clean,
  // no filters when they hide it.
  function reveal() {
    var t = location.hash && document.getElementById(location.hash.slice(1));
    if (!t) return;
    if (t.hidden && t.classList.contains("clean")) clean.checked = true;
    else if (t.hidden) {
      Object.keys(controls).forEach(function (k) { if (controls[k]) controls[k].value = ""; });
      search.value = "";
    }
    if (t.hidden) apply();
    t.scrollIntoView();
  }
  reveal();
  window.addEventListener("hashchange", reveal);
})();
