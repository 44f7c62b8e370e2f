/* sphinx-academic: copy buttons and expandable author lists. No dependencies. */
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-academic-action]");
    if (!button) return;
    var action = button.getAttribute("data-academic-action");
    if (action === "copy") copyBibtex(button);
    else if (action === "expand-authors") toggleAuthors(button);
  });
})();
