// cardscan review: uploads, live progress, card zoom, extra rows, keyboard saving.
// Served from the package; no inline script (the Content-Security-Policy forbids it).
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  // --- uploads: drag and drop, or the file picker, sent without leaving the page ---
  function send(form, files) {
    if (!files.length) return;
    const data = new FormData();
    for (const file of files) data.append("photos", file, file.name);
    form.classList.add("busy");
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(() => refresh(true))
      .finally(() => form.classList.remove("busy"));
  }

  for (const form of document.querySelectorAll("[data-upload]")) {
    const input = form.querySelector("[data-upload-input]");
    input.addEventListener("change", () => {
      send(form, input.files);
      input.value = "";
    });
    form.addEventListener("dragover", (e) => {
      e.preventDefault();
      form.classList.add("over");
    });
    form.addEventListener("dragleave", () => form.classList.remove("over"));
    form.addEventListener("drop", (e) => {
      e.preventDefault();
      form.classList.remove("over");
      send(form, e.dataTransfer.files);
    });
  }

  // --- live stack: redraw the list whenever the server's stack changed ---
  const list = document.querySelector("[data-refresh]");
  let version = list ? list.querySelector("[data-version]").dataset.version : null;

  function showProgress(done, total) {
    const text = document.querySelector("[data-progress-text]");
    const bar = document.querySelector("[data-progress-bar]");
    if (text) text.textContent = done + " of " + total + " read";
    if (bar) {
      bar.max = Math.max(total, 1);
      bar.value = done;
    }
  }

  function refresh(force) {
    if (!list) return Promise.resolve();
    return fetch(list.dataset.refresh, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        const box = document.createElement("div");
        box.innerHTML = html; // rendered by the server with every value escaped
        const fresh = box.querySelector("[data-version]");
        if (force || fresh.dataset.version !== version) {
          list.replaceChildren(...box.childNodes);
          version = fresh.dataset.version;
        }
        showProgress(fresh.dataset.done, fresh.dataset.total);
        busy = fresh.dataset.done !== fresh.dataset.total;
      })
      .catch(() => {});
  }

  // Often while photos are being read, seldom when all are: a card shows soon after it is read.
  let busy = true;
  function poll() {
    refresh(false).finally(() => setTimeout(poll, busy ? 250 : 1500));
  }
  if (list) setTimeout(poll, 250);

  // --- a card still being read: open it when it is ---
  if (document.querySelector("[data-wait]")) {
    let seen = null;
    setInterval(() => {
      fetch("/progress", { credentials: "same-origin" })
        .then((r) => r.json())
        .then((p) => {
          if (seen !== null && p.version !== seen) location.reload();
          seen = p.version;
        })
        .catch(() => {});
    }, 250);
  }

  // --- zoom: a click enlarges the card where it was clicked, another shrinks it ---
  for (const box of document.querySelectorAll("[data-zoom]")) {
    box.addEventListener("click", (e) => {
      const rect = box.getBoundingClientRect();
      const fx = (e.clientX - rect.left) / rect.width;
      const fy = (e.clientY - rect.top) / rect.height;
      box.classList.toggle("zoomed");
      if (box.classList.contains("zoomed")) {
        box.scrollLeft = fx * box.scrollWidth - rect.width / 2;
        box.scrollTop = fy * box.scrollHeight - rect.height / 2;
      }
    });
  }

  // --- another phone, e-mail, website or profile ---
  for (const button of document.querySelectorAll("[data-add-row]")) {
    button.addEventListener("click", () => {
      const rows = button.closest("fieldset").querySelector("[data-rows]");
      const row = rows.lastElementChild.cloneNode(true);
      for (const input of row.querySelectorAll("input")) input.value = "";
      rows.appendChild(row);
      row.querySelector("input").focus();
    });
  }

  // --- the whole name follows corrected parts until it is edited itself (as the server does) ---
  for (const full of document.querySelectorAll('input[name="name_full"]')) {
    const form = full.form;
    const parts = ["prefix", "given", "family", "suffix"].map((p) =>
      form.querySelector('input[name="name_' + p + '"]'),
    );
    let follows = true;
    const compose = () => {
      const [prefix, given, family, suffix] = parts.map((i) => i.value.trim());
      let text = [prefix, given, family].filter(Boolean).join(" ");
      if (text && suffix) text += ", " + suffix;
      return text;
    };
    full.addEventListener("input", () => (follows = false));
    for (const part of parts) {
      part.addEventListener("input", () => {
        if (follows && compose()) full.value = compose();
      });
    }
  }

  // --- Enter saves and opens the next card (the first button); Ctrl+Enter in the notes ---
  for (const form of document.querySelectorAll("[data-card-form]")) {
    form.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit(form.querySelector('button[name="next"]'));
      }
    });
  }
})();
