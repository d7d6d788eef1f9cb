// Shows an instant in the reader's own time zone, next to the time zone the page gives it in.
document.querySelectorAll(".local-time[data-time]").forEach((span) => {
  const when = new Date(span.dataset.time);
  const format = new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: "long", timeStyle: "short",
  });
  span.querySelector("time").textContent = format.format(when);
  span.hidden = false;
});
