"use strict";
(function () {
  const data = JSON.parse(document.getElementById("findings").textContent);
  const byId = new Map(data.findings.map((f) => [f.id, f]));
  const details = document.getElementById("details");
  const hidden = new Set();

  function element(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(ids) {
    details.replaceChildren(element("h2", "Why?"));
    for (const id of ids) {
      const finding = byId.get(id);
      if (!finding) continue;
      details.append(element("h3", finding.title));
      const list = element("dl");
      for (const [key, value] of finding.rows) list.append(element("dt", key), element("dd", value));
      details.append(list);
    }
  }

  function select(id) {
    for (const node of document.querySelectorAll(".seg.sel")) node.classList.remove("sel");
    const nodes = document.querySelectorAll('.seg[data-f~="' + CSS.escape(id) + '"]');
    for (const node of nodes) node.classList.add("sel");
    if (nodes.length) nodes[0].scrollIntoView({ block: "center", behavior: "smooth" });
    show([id]);
  }

  function recolour() {
    for (const node of document.querySelectorAll(".seg")) {
      for (const cls of [...node.classList]) if (cls.startsWith("tq-")) node.classList.remove(cls);
      const shown = node.dataset.f.split(" ").map((id) => byId.get(id))
        .filter((f) => f && f.group === "techniques" && !hidden.has(f.css));
      node.classList.toggle("hl", shown.length > 0);
      if (shown.length) node.classList.add(shown[0].css);
    }
  }

  document.getElementById("article").addEventListener("click", (event) => {
    const seg = event.target.closest(".seg");
    if (seg) show(seg.dataset.f.split(" "));
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || !(target instanceof HTMLElement)) return;
    if (target.dataset.f) show(target.dataset.f.split(" "));
    if (target.dataset.target) select(target.dataset.target);
  });
  for (const item of document.querySelectorAll("[data-target]")) {
    item.addEventListener("click", () => select(item.dataset.target));
  }
  for (const box of document.querySelectorAll("#legend input[data-technique]")) {
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(box.dataset.technique); else hidden.add(box.dataset.technique);
      recolour();
    });
  }
  const actorFilter = document.getElementById("actor-filter");
  if (actorFilter) {
    actorFilter.addEventListener("change", () => {
      const actor = actorFilter.value;
      for (const item of document.querySelectorAll("#quotes li, #accusations li")) {
        const involved = (item.dataset.actors || "").split(" ").includes(actor);
        item.hidden = actor !== "" && !involved;
      }
      if (actor) select(actor);
    });
  }
  document.body.dataset.ready = "true";
})();
