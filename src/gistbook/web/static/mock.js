// gistbook mock tests: a countdown that submits the mock when the time runs out, and a count of the questions
// answered. Without this file the mock still works: the page states the time allowed and the server records
// how long the learner took.
(function () {
  "use strict";
  var form = document.getElementById("mock");
  if (!form) { return; }

  var counter = form.querySelector("[data-answered]");
  var total = form.querySelectorAll(".question").length;
  function countAnswered() {
    var done = 0;
    form.querySelectorAll(".question").forEach(function (q) {
      var chosen = q.querySelector("input[type=radio]:checked");
      var text = q.querySelector("textarea");
      if ((chosen && chosen.value) || (text && text.value.trim())) { done += 1; }
    });
    counter.textContent = "Answered " + done + " of " + total;
    counter.hidden = false;
  }
  form.addEventListener("change", countAnswered);
  form.addEventListener("input", countAnswered);
  countAnswered();

  var sent = false;
  form.addEventListener("submit", function () { sent = true; });

  var limit = parseInt(form.getAttribute("data-time-limit") || "0", 10);
  var timer = form.querySelector("[data-timer]");
  if (!limit || !timer) { return; }
  var deadline = Date.now() + limit * 1000;
  var warned = false;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var hours = Math.floor(left / 3600), minutes = Math.floor((left % 3600) / 60), seconds = left % 60;
    timer.textContent = "Time left " + (hours ? hours + ":" + pad(minutes) : minutes) + ":" + pad(seconds);
    if (left <= 60 && !warned) {
      warned = true;
      timer.classList.add("low");
      timer.setAttribute("role", "status");  // read out once, not every second
    }
    if (left === 0) {
      clearInterval(handle);
      if (sent) { return; }
      sent = true;
      timer.textContent = "Time is up: submitting your answers…";
      form.submit();  // submit() skips the submit event: nothing else may stop the mock from being sent
    }
  }
  var handle = setInterval(tick, 1000);
  tick();
})();
