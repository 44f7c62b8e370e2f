/* sphinx-academic: the search box of publication lists (":search:"). No dependencies.
 *
 * Each box (.academic-search, written hidden) holds its list's data as JSON: per entry
 * the id of its element, year, type, topics, "selected" and the text free search looks
 * in. Words typed must all occur in that text; chips of one facet are alternatives, chips
 * of different facets must all hold. The state lives in the URL (?q=...&year=...), so a
 * filtered list can be shared and survives reload. Group headings with no entry left
 * hide; the status line (a live region) says how many entries show. */
(function () {
  "use strict";

  var FACETS = ["year", "type", "topic", "selected"];

  /* Lower case without accents, so "muller" finds "Müller". */
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readEntries(box, list) {
    var data = JSON.parse(box.querySelector(".academic-search-data").textContent);
    var entries = [];
    data.forEach(function (item) {
      var element = document.getElementById(item.id);
      if (!element || !list.contains(element)) return;
      entries.push({
        element: element,
        text: fold(item.text),
        values: {
          year: [item.year],
          type: [item.type],
          topic: item.topics,
          selected: item.selected ? ["1"] : [],
        },
      });
    });
    return entries;
  }

  /* Each group heading with the entries that follow it, in page order. */
  function readGroups(list, entries) {
    var byElement = new Map(entries.map(function (entry) { return [entry.element, entry]; }));
    var groups = [];
    list.querySelectorAll(".academic-group-heading, .academic-pub").forEach(function (node) {
      if (node.classList.contains("academic-group-heading")) {
        groups.push({ heading: node, entries: [] });
      } else if (groups.length && byElement.has(node)) {
        groups[groups.length - 1].entries.push(byElement.get(node));
      }
    });
    return groups;
  }

  function stateFromURL() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", facets: {} };
    FACETS.forEach(function (name) { state.facets[name] = params.getAll(name); });
    return state;
  }

  function writeURL(state) {
    var params = new URLSearchParams(window.location.search);
    params.delete("q");
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (name) {
      params.delete(name);
      state.facets[name].forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function matches(entry, words, facets) {
    for (var i = 0; i < words.length; i++) {
      if (entry.text.indexOf(words[i]) === -1) return false;
    }
    return FACETS.every(function (name) {
      var wanted = facets[name];
      return !wanted.length || entry.values[name].some(function (v) { return wanted.indexOf(v) !== -1; });
    });
  }

  function setHidden(element, hidden) {
    if (element.hidden !== hidden) element.hidden = hidden;
  }

  function setUp(box) {
    var list = box.closest(".academic-searchable");
    if (!list) return;
    var input = box.querySelector(".academic-search-input");
    var status = box.querySelector(".academic-search-status");
    var chips = Array.prototype.slice.call(box.querySelectorAll(".academic-chip"));
    var entries = readEntries(box, list);
    var groups = readGroups(list, entries);
    var state = stateFromURL();
    var known = {};
    chips.forEach(function (chip) { known[chip.dataset.facet + "\n" + chip.dataset.value] = true; });
    FACETS.forEach(function (name) {
      state.facets[name] = state.facets[name].filter(function (v) { return known[name + "\n" + v]; });
    });

    function update() {
      var words = fold(state.q).split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = matches(entry, words, state.facets);
        setHidden(entry.element, !visible);
        entry.visible = visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        setHidden(group.heading, !group.entries.some(function (e) { return e.visible; }));
      });
      chips.forEach(function (chip) {
        var on = state.facets[chip.dataset.facet].indexOf(chip.dataset.value) !== -1;
        chip.setAttribute("aria-pressed", on ? "true" : "false");
      });
      status.textContent = status.dataset.template
        .replace("{shown}", String(shown))
        .replace("{total}", String(entries.length));
    }

    function change() {
      update();
      writeURL(state);
    }

    input.value = state.q;
    input.addEventListener("input", function () {
      state.q = input.value;
      change();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        input.value = "";
        state.q = "";
        change();
      }
    });
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        var values = state.facets[chip.dataset.facet];
        var at = values.indexOf(chip.dataset.value);
        if (at === -1) values.push(chip.dataset.value);
        else values.splice(at, 1);
        change();
      });
    });
    box.querySelector(".academic-search-clear").addEventListener("click", function () {
      state.q = "";
      FACETS.forEach(function (name) { state.facets[name] = []; });
      input.value = "";
      change();
      input.focus();
    });
    box.hidden = false;
    update();
  }

  function start() {
    document.querySelectorAll(".academic-search").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
