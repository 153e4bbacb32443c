// lagebild's dashboard: details of a highlight on click, and the sentence an address points to.
"use strict";

function showDetails(element) {
  const panel = document.getElementById("details");
  if (panel && element.dataset.details) {
    panel.textContent = element.dataset.details;
  }
}

document.addEventListener("click", (event) => {
  const element = event.target.closest("[data-details]");
  if (element) {
    showDetails(element);
  }
});

document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target.dataset && event.target.dataset.details) {
    showDetails(event.target);
  }
});

// "#s-120" names the event sentence starting at character 120: mark all its pieces.
function markSentence() {
  document.querySelectorAll(".focus").forEach((element) => element.classList.remove("focus"));
  const match = window.location.hash.match(/^#s-(\d+)$/);
  if (match) {
    document.querySelectorAll(`[data-s="${match[1]}"]`).forEach((element) => element.classList.add("focus"));
  }
}

window.addEventListener("hashchange", markSentence);
markSentence();
