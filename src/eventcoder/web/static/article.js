// eventcoder article page: link event cards and their highlighted evidence (Apache-2.0).
(function () {
  "use strict";
  function activate(id, on) {
    document.querySelectorAll("mark.evidence").forEach(function (m) {
      if ((m.dataset.events || "").split(" ").indexOf(id) >= 0) m.classList.toggle("active", on);
    });
    var card = document.getElementById("card-" + id);
    if (card) card.classList.toggle("active", on);
  }
  document.querySelectorAll(".event-card").forEach(function (card) {
    var id = card.dataset.eventId;
    card.addEventListener("mouseenter", function () { activate(id, true); });
    card.addEventListener("mouseleave", function () { activate(id, false); });
  });
  document.querySelectorAll("mark.evidence").forEach(function (m) {
    var ids = (m.dataset.events || "").split(" ");
    m.addEventListener("mouseenter", function () { ids.forEach(function (id) { activate(id, true); }); });
    m.addEventListener("mouseleave", function () { ids.forEach(function (id) { activate(id, false); }); });
  });
})();
