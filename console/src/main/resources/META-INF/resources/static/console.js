// Small behaviours the pages share; everything works without them, they make the keyboard path faster.
document.addEventListener("DOMContentLoaded", () => {
  // An expired session answers htmx's background requests with 499: reload through the login page,
  // which returns the person to this same page.
  document.body.addEventListener("htmx:responseError", (e) => {
    const s = e.detail.xhr.status;
    if (s === 499 || s === 401) { window.location.reload(); }
  });
  // Enter in a textarea marked data-submit-on-enter submits its form (Shift+Enter for a new line).
  document.querySelectorAll("textarea[data-submit-on-enter]").forEach((area) => {
    area.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        const form = area.form;
        const primary = form.querySelector("button[data-primary]");
        if (form.requestSubmit) { form.requestSubmit(primary || undefined); } else { form.submit(); }
      }
    });
  });
  // A form submits once: a second press while the answer is on its way does nothing.
  document.querySelectorAll("form[data-once]").forEach((form) => {
    form.addEventListener("submit", () => {
      setTimeout(() => form.querySelectorAll("button[type=submit]").forEach((b) => { b.disabled = true; }), 0);
    });
  });
  const focus = document.querySelector("[data-autofocus]");
  if (focus) { focus.focus(); }
});
