// Regie's own small behaviours. No inline scripts anywhere (CSP); everything is progressive:
// each page works without JavaScript.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("regie-js");
    // Language switch submits on change; the button stays for users without JavaScript.
    document.querySelectorAll("select.regie-autosubmit").forEach(function (select) {
      select.addEventListener("change", function () {
        select.form.submit();
      });
    });
    // Move focus to the error summary so keyboard and screen-reader users hear it first.
    var errors = document.querySelector(".utrecht-alert--error[tabindex='-1']");
    if (errors) {
      errors.focus();
    }
  });
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) {
      event.detail.headers["X-CSRFToken"] = token.value;
    }
  });
})();
