// Progressive enhancement for visit recording: when the phone allows it, put its position in the
// hidden lat/lon fields of each recording form, so the check-in can be compared with the address.
// Without this script (or without permission) the forms still work, with no location.
(function () {
  "use strict";
  function fill(root) {
    var forms = (root || document).querySelectorAll("form.geo-form");
    if (!forms.length || !("geolocation" in navigator)) { return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      forms.forEach(function (form) {
        form.querySelector("input[name=lat]").value = position.coords.latitude.toFixed(6);
        form.querySelector("input[name=lon]").value = position.coords.longitude.toFixed(6);
        var status = form.querySelector(".geo-status");
        if (status) { status.textContent = "Your location will be added."; }
      });
    }, function () { /* refused or unavailable: record without a location */ },
    { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  }
  document.addEventListener("DOMContentLoaded", function () { fill(document); });
  document.addEventListener("htmx:afterSwap", function (event) { fill(event.target); });
})();
