// Device-side helpers: text size (applied before the app loads) and read-aloud.
(function () {
  var size = null;
  try { size = localStorage.getItem("huajin_text_size"); } catch (e) {}
  if (size === "large" || size === "xlarge") document.documentElement.dataset.textSize = size;
})();

window.huajinSetTextSize = function (size) {
  if (size !== "large" && size !== "xlarge") size = "normal";
  try { localStorage.setItem("huajin_text_size", size); } catch (e) {}
  if (size === "normal") delete document.documentElement.dataset.textSize;
  else document.documentElement.dataset.textSize = size;
};

window.huajinToggleReading = function (targetId, buttonId) {
  var button = document.getElementById(buttonId);
  var synth = window.speechSynthesis;
  if (!synth || !button) return;
  if (button.getAttribute("aria-pressed") === "true") {
    synth.cancel();
    button.setAttribute("aria-pressed", "false");
    return;
  }
  var target = document.getElementById(targetId);
  if (!target) return;
  synth.cancel();
  var utterance = new SpeechSynthesisUtterance(target.innerText);
  utterance.lang = "zh-CN";
  utterance.rate = 0.9;
  utterance.onend = utterance.onerror = function () { button.setAttribute("aria-pressed", "false"); };
  button.setAttribute("aria-pressed", "true");
  synth.speak(utterance);
};

window.huajinFocusErrors = function () {
  requestAnimationFrame(function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); summary.scrollIntoView({ block: "start" }); }
  });
};
