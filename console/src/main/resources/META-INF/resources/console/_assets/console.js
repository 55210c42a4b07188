// Small behaviours of the console pages. Everything works without this script except copying to
// the clipboard; confirmations and "select all" are conveniences.
(function () {
  "use strict";

  function copyText(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) {
      return;
    }
    var text = source.textContent.trim();
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    var fallback = function () {
      selectText(source);
      if (document.execCommand && document.execCommand("copy")) {
        done();
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) {
      copyText(button);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // A source picker narrows its sample picker to the source's vendor.
  function matchSamples(picker) {
    var samples = document.getElementById(picker.getAttribute("data-samples"));
    var chosen = picker.selectedOptions[0];
    var vendor = chosen ? chosen.getAttribute("data-vendor") : null;
    if (!samples) {
      return;
    }
    var first = null;
    samples.querySelectorAll("optgroup").forEach(function (group) {
      var shown = !vendor || group.getAttribute("data-vendor") === vendor;
      group.hidden = !shown;
      group.disabled = !shown;
      if (shown && !first) {
        first = group.querySelector("option");
      }
    });
    var current = samples.selectedOptions[0];
    if ((!current || current.parentNode.disabled) && first) {
      first.selected = true;
    }
  }

  document.querySelectorAll("[data-samples]").forEach(matchSamples);

  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-samples]")) {
      matchSamples(event.target);
    }
    var all = event.target.closest("[data-select-all]");
    if (!all) {
      return;
    }
    var name = all.getAttribute("data-select-all");
    all.form.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
