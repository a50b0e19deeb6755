// "Tick all on this page" for the approval queue's bulk form.
document.addEventListener("change", function (event) {
  if (!event.target.matches("[data-tick-all]")) return;
  document.querySelectorAll('input[name="match_ids"]').forEach(function (box) {
    box.checked = event.target.checked;
  });
});
