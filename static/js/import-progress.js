// Follows a running import: polls its JSON status and moves the progress bar; reloads when it ends.
(function () {
  "use strict";
  var box = document.getElementById("import-status");
  if (!box) { return; }
  var status = box.getAttribute("data-status");
  // "checking": the dry run is in a worker; "queued"/"running": the import itself.
  if (status !== "checking" && status !== "queued" && status !== "running") { return; }
  var url = box.getAttribute("data-status-url");
  var bar = box.querySelector(".import-progress");
  var count = box.querySelector(".import-count");
  var delay = 1000;

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { delay = Math.min(delay * 2, 10000); window.setTimeout(poll, delay); return; }
        if (bar) { bar.value = data.percent; bar.textContent = data.percent + "%"; }
        if (count) { count.textContent = data.processed_rows + " of " + data.total_rows + " rows"; }
        if (data.status !== status) { window.location.reload(); return; }
        window.setTimeout(poll, delay);
      })
      .catch(function () { delay = Math.min(delay * 2, 10000); window.setTimeout(poll, delay); });
  }
  window.setTimeout(poll, delay);
})();
