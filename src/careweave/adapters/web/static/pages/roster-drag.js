// Progressive enhancement for the day roster: drag a visit's bar onto another worker's row to open
// the reassign form with that worker chosen (the checks run there before anything is saved).
// Without this script each bar is still a link to the same form.
(function () {
  "use strict";
  var figure = document.querySelector("figure.timeline[data-draggable]");
  if (!figure) { return; }
  var dragging = null;
  var dropped = false;
  figure.addEventListener("pointerdown", function (event) {
    var bar = event.target.closest("g.tl-bar");
    if (bar && bar.dataset.visitId) {
      dragging = { id: bar.dataset.visitId, x: event.clientX, y: event.clientY };
    }
  });
  figure.addEventListener("pointerup", function (event) {
    if (!dragging) { return; }
    var moved = Math.abs(event.clientY - dragging.y) + Math.abs(event.clientX - dragging.x);
    var target = document.elementFromPoint(event.clientX, event.clientY);
    var row = target && target.closest("g.tl-row");
    var visit = dragging.id;
    dragging = null;
    if (moved < 8 || !row || !row.dataset.workerId) { return; }
    event.preventDefault();
    dropped = true;
    window.location.href = "/visits/" + encodeURIComponent(visit) + "/reassign?worker=" +
      encodeURIComponent(row.dataset.workerId);
  });
  figure.addEventListener("click", function (event) {
    // A drag that ended on a row is not also a click on the bar's link.
    if (dropped) { event.preventDefault(); }
  });
})();
