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

// 朗读 for study materials (components/read_aloud.py): sentence by sentence, 朗读 / 暂停 / 继续,
// 慢一点, 停止; the sentence being read is highlighted where the browser allows (CSS Custom
// Highlight API), its block always. Pausing cancels and later restarts the current sentence,
// because speechSynthesis.pause() does not work on many Android phones.
(function () {
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,dt,dd,th,td,figcaption";
  var ENDS = /[。！？；!?;\n]/;
  var SAYABLE = /[0-9A-Za-z\u3400-\u9fff]/;
  var SLOW_KEY = "huajin_read_slow";
  var reader = null;

  function part(target, name) { return document.getElementById("reader-" + target + "-" + name); }
  function canSpeak() { return !!(window.speechSynthesis && window.SpeechSynthesisUtterance); }
  function rememberedSlow() { try { return localStorage.getItem(SLOW_KEY) === "1"; } catch (e) { return false; } }

  function sentencesOf(root) {
    var groups = [], group = null, walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      var node = walker.currentNode, parent = node.parentElement;
      if (!parent || parent.closest("[data-no-read],[hidden],[aria-hidden='true'],.hj-sr")) continue;
      var block = parent.closest(BLOCKS);
      if (!block || !root.contains(block)) block = root;
      if (!group || group.block !== block) { group = { block: block, nodes: [], text: "" }; groups.push(group); }
      group.nodes.push({ node: node, start: group.text.length });
      group.text += node.nodeValue;
    }
    var list = [];
    groups.forEach(function (g) {
      var start = 0;
      for (var i = 0; i <= g.text.length; i += 1) {
        if (i < g.text.length && !ENDS.test(g.text.charAt(i))) continue;
        var end = Math.min(i + 1, g.text.length);
        var said = g.text.slice(start, end).replace(/\s+/g, " ").trim();
        if (SAYABLE.test(said)) list.push({ block: g.block, nodes: g.nodes, start: start, end: end, text: said });
        start = end;
      }
    });
    return list;
  }

  function rangeOf(s) {
    var range = document.createRange(), started = false;
    for (var i = 0; i < s.nodes.length; i += 1) {
      var n = s.nodes[i], length = n.node.nodeValue.length;
      if (!started && s.start < n.start + length) { range.setStart(n.node, s.start - n.start); started = true; }
      if (started && s.end <= n.start + length) { range.setEnd(n.node, s.end - n.start); return range; }
    }
    return null;
  }

  function unmark() {
    var old = document.querySelectorAll(".hj-reading");
    for (var i = 0; i < old.length; i += 1) old[i].classList.remove("hj-reading");
    if (window.CSS && CSS.highlights) CSS.highlights.delete("huajin-reading");
  }

  function mark(s, target) {
    unmark();
    s.block.classList.add("hj-reading");
    try {
      var range = rangeOf(s);
      if (range && window.CSS && CSS.highlights && window.Highlight) CSS.highlights.set("huajin-reading", new Highlight(range));
    } catch (e) {}
    var controls = document.getElementById("reader-" + target);
    var covered = controls ? Math.max(70, controls.getBoundingClientRect().bottom) : 70;
    var box = s.block.getBoundingClientRect();
    if (box.top < covered || box.bottom > window.innerHeight - 80) {
      window.scrollBy(0, box.top - covered - 16);
    }
  }

  function show(r) {
    var play = part(r.target, "play"), label = part(r.target, "label");
    var stop = part(r.target, "stop"), state = part(r.target, "state");
    if (!play || !label || !state) return;
    var box = document.getElementById("reader-" + r.target);
    if (box) box.classList.toggle("hj-reader-on", r.state === "playing" || r.state === "paused");
    var word = { playing: play.dataset.pause, paused: play.dataset.resume }[r.state] || play.dataset.play;
    label.textContent = word;
    if (stop) stop.hidden = r.state !== "playing" && r.state !== "paused";
    if (r.state === "playing") {
      state.textContent = state.dataset.reading.replace("{n}", r.index + 1).replace("{total}", r.sentences.length);
    } else {
      state.textContent = { paused: state.dataset.paused, done: state.dataset.done }[r.state] || state.dataset.idle;
    }
  }

  function zhVoice() {
    var voices = typeof speechSynthesis.getVoices === "function" ? speechSynthesis.getVoices() || [] : [];
    for (var i = 0; i < voices.length; i += 1) {
      if (/^zh[-_]CN/i.test(voices[i].lang)) return voices[i];
    }
    return null;
  }

  function speak(r) {
    var s = r.sentences[r.index];
    if (!s || !document.body.contains(s.block)) { end(r, s ? "idle" : "done"); return; }
    mark(s, r.target);
    var utterance = new SpeechSynthesisUtterance(s.text);
    utterance.lang = "zh-CN";
    utterance.rate = r.slow ? 0.6 : 0.9;
    var voice = zhVoice();
    if (voice) utterance.voice = voice;
    var turn = r.turn;
    utterance.onend = function () {
      if (reader !== r || r.turn !== turn || r.state !== "playing") return;
      r.index += 1;
      speak(r);
    };
    utterance.onerror = function () {
      if (reader !== r || r.turn !== turn || r.state !== "playing") return;
      r.state = "paused"; // cancelled by something else (another 朗读 button, the system)
      show(r);
    };
    show(r);
    speechSynthesis.speak(utterance);
  }

  function end(r, state) {
    r.state = state;
    r.turn += 1;
    r.index = 0;
    unmark();
    show(r);
    if (reader === r) reader = null;
  }

  function stopAll() {
    if (reader) end(reader, "idle");
    if (window.speechSynthesis) speechSynthesis.cancel();
  }

  function cannotSpeak(target) {
    var play = part(target, "play"), label = part(target, "label"), slow = part(target, "slow");
    if (!play || !label) return;
    label.textContent = play.dataset.none;
    play.setAttribute("aria-disabled", "true");
    if (slow) slow.hidden = true;
  }

  window.huajinReaderCheck = function () {
    requestAnimationFrame(function () {
      var boxes = document.querySelectorAll(".hj-reader");
      for (var i = 0; i < boxes.length; i += 1) {
        var target = boxes[i].id.replace(/^reader-/, "");
        if (!canSpeak()) cannotSpeak(target);
        var slow = part(target, "slow");
        if (slow) slow.setAttribute("aria-pressed", rememberedSlow() ? "true" : "false");
      }
    });
  };

  window.huajinReader = function (action, target) {
    if (!canSpeak()) { cannotSpeak(target); return; }
    if (action === "stop") { stopAll(); return; }
    if (action === "slow") {
      var slow = part(target, "slow");
      var on = !!slow && slow.getAttribute("aria-pressed") !== "true";
      if (slow) slow.setAttribute("aria-pressed", on ? "true" : "false");
      try { localStorage.setItem(SLOW_KEY, on ? "1" : "0"); } catch (e) {}
      if (reader && reader.target === target) {
        reader.slow = on;
        if (reader.state === "playing") { reader.turn += 1; speechSynthesis.cancel(); speak(reader); }
      }
      return;
    }
    if (reader && reader.target === target) {
      reader.turn += 1;
      speechSynthesis.cancel();
      if (reader.state === "playing") { reader.state = "paused"; show(reader); }
      else { reader.state = "playing"; speak(reader); }
      return;
    }
    stopAll();
    var root = document.getElementById(target);
    if (!root) return;
    var slowButton = part(target, "slow");
    reader = {
      target: target, sentences: sentencesOf(root), index: 0, state: "playing", turn: 0,
      slow: !!slowButton && slowButton.getAttribute("aria-pressed") === "true",
    };
    speak(reader);
  };

  window.addEventListener("pagehide", stopAll);
  window.addEventListener("popstate", stopAll);
  // The app moves between its pages with history.pushState: leaving the page stops reading.
  var pushState = history.pushState;
  history.pushState = function (state, title, url) {
    if (reader && url && new URL(url, location.href).pathname !== location.pathname) stopAll();
    return pushState.apply(this, arguments);
  };
})();

window.huajinFocusErrors = function () {
  requestAnimationFrame(function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); summary.scrollIntoView({ block: "start" }); }
  });
};
