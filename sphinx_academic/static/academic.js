/* sphinx-academic: copy buttons, expandable author lists and the Abstract/BibTeX toggles
 * of cards. No dependencies. Without JavaScript the panels are <details> elements that
 * open by their own summaries; the script shows the toggle buttons instead. */
(function () {
  "use strict";

  function copyBibtex(button) {
    var block = button.closest(".academic-pub-bibtex");
    var pre = block && block.querySelector("pre");
    if (!pre) return;
    var text = pre.textContent.replace(/\s+$/, "") + "\n";
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-done-label") || "Copied";
      button.classList.add("academic-copied");
      setTimeout(function () {
        button.textContent = label;
        button.classList.remove("academic-copied");
      }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () {});
    }
  }

  function toggleAuthors(button) {
    var list = button.closest(".academic-pub-author-list");
    if (!list) return;
    var expanded = list.classList.toggle("academic-expanded");
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    if (!button.dataset.collapsedLabel) button.dataset.collapsedLabel = button.textContent;
    var less = button.getAttribute("data-done-label") || "show less";
    button.textContent = expanded ? less : button.dataset.collapsedLabel;
  }

  function panelOf(button) {
    var card = button.closest(".academic-pub");
    var name = button.getAttribute("data-academic-panel");
    return card && name ? card.querySelector("details." + name) : null;
  }

  function togglePanel(button) {
    var panel = panelOf(button);
    if (!panel) return;
    var card = button.closest(".academic-pub");
    var open = !panel.open;
    // One panel at a time, as in al-folio: opening one closes the other.
    card.querySelectorAll("button[data-academic-panel]").forEach(function (other) {
      var otherPanel = panelOf(other);
      if (otherPanel && other !== button) {
        otherPanel.open = false;
        other.setAttribute("aria-expanded", "false");
      }
    });
    panel.open = open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function enableToggles() {
    document.documentElement.classList.add("academic-js");
    document.querySelectorAll("button[data-academic-panel]").forEach(function (button, index) {
      var panel = panelOf(button);
      if (!panel) return;
      if (!panel.id) panel.id = "academic-panel-" + index;
      button.setAttribute("aria-controls", panel.id);
      button.setAttribute("aria-expanded", panel.open ? "true" : "false");
      button.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enableToggles);
  } else {
    enableToggles();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-academic-action]");
    if (!button) return;
    var action = button.getAttribute("data-academic-action");
    if (action === "copy") copyBibtex(button);
    else if (action === "expand-authors") toggleAuthors(button);
    else if (action === "toggle-panel") togglePanel(button);
  });
})();
