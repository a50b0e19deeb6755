// Follows an idea's matching live: polls its status and swaps in the progress section on change.
(function () {
  "use strict";

  var region = document.getElementById("idea-progress");
  if (!region || !window.fetch) {
    return;
  }
  var statusUrl = region.getAttribute("data-status-url");
  var progressUrl = region.getAttribute("data-progress-url");
  var shown = region.getAttribute("data-status");
  var SETTLED = { matched: true, failed: true, withdrawn: true };
  var delay = 2000;
  var MAX_DELAY = 15000;

  function schedule() {
    window.setTimeout(poll, delay);
    // Back off slowly so a long queue does not mean a request every two seconds.
    delay = Math.min(MAX_DELAY, Math.round(delay * 1.3));
  }

  function refresh(status) {
    return fetch(progressUrl, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("progress " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        // The fragment is rendered by our own server with autoescaping on.
        region.innerHTML = html;
        region.setAttribute("data-status", status);
        shown = status;
      });
  }

  function poll() {
    if (document.hidden) {
      schedule();
      return;
    }
    fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (body) {
        var next = body.status;
        var update = next !== shown ? refresh(next) : Promise.resolve();
        return update.then(function () {
          if (!SETTLED[next]) {
            schedule();
          }
        });
      })
      .catch(function () {
        schedule();
      });
  }

  if (!SETTLED[shown]) {
    schedule();
  }
})();
