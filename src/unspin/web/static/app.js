// The paste form shows that an analysis is under way and keeps the button from a second press.
(function () {
  "use strict";
  const form = document.getElementById("analyse");
  if (!form) return;
  form.addEventListener("submit", function () {
    const progress = document.getElementById("progress");
    const button = document.getElementById("go");
    if (progress) progress.hidden = false;
    if (button) button.disabled = true;
  });
})();
