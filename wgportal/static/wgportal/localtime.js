// Shows an instant in the reader's own time zone, with that zone's name, next to the time the
// page gives in the call's zone: Western digits in Arabic and British English, as United Nations
// documents write them.
document.querySelectorAll(".local-time").forEach((span) => {
  const time = span.querySelector("time[datetime]");
  const lang = document.documentElement.lang;
  const locale = { ar: "ar-u-nu-latn", en: "en-GB" }[lang] || lang;
  const format = new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "long", day: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "long",
  });
  time.textContent = format.format(new Date(time.dateTime));
  span.hidden = false;
});
