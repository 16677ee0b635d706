// OkrSync dashboard: small progressive enhancements. Every page works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Filter forms submit as soon as a choice changes (the Filter button still works without JavaScript).
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => {
        const page = form.querySelector("input[name=page]");
        if (page) page.remove();
        form.requestSubmit();
      });
    }
  }
});
