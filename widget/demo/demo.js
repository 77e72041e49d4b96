// The demo site's own script: uses the host-page API and lists the widget's events.
const list = document.getElementById("events");
function log(name, detail) {
  const item = document.createElement("li");
  item.textContent = `coach:${name} ${detail === undefined ? "" : JSON.stringify(detail)}`;
  list.appendChild(item);
}
for (const name of ["ready", "error", "open", "close", "message"]) {
  window.addEventListener(`coach:${name}`, (event) => log(name, event.detail));
}
document.getElementById("ask").addEventListener("click", () => window.CoachWidget?.open());
