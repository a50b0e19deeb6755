// Menus in the header are <details> elements, usable without script; this only closes an open
// one when another opens, when the user clicks elsewhere, or presses Escape.
(function () {
  "use strict";
  var groups = Array.prototype.slice.call(document.querySelectorAll(".nav-group details"));
  if (!groups.length) { return; }
  function closeAll(except) {
    groups.forEach(function (group) { if (group !== except) { group.removeAttribute("open"); } });
  }
  groups.forEach(function (group) {
    group.addEventListener("toggle", function () { if (group.open) { closeAll(group); } });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".nav-group")) { closeAll(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeAll(null); }
  });
})();
