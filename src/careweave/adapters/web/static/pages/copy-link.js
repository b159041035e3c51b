// The "Copy link" button of the "Your calendar" page: copies the link in the field it names and
// says so in its live region. Without this script (or clipboard access) the link can still be
// selected in its field and copied by hand.
(function () {
  "use strict";
  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var said = document.getElementById(button.getAttribute("data-status"));
    if (!field) { return; }
    field.select();
    var done = function () { if (said) { said.textContent = "Link copied."; } };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        if (said) { said.textContent = "Select the link and copy it by hand."; }
      });
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  });
})();
