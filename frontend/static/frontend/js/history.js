// History grows as the person scrolls: the next, older page is fetched when "Show older days" comes near the
// screen (or is tapped). Without scripts the link opens that page instead.
const list = document.querySelector("[data-days]");
const status = document.querySelector("[data-days-status]");
const older = document.querySelector("[data-older]");
let loading = false;

async function loadOlder() {
  if (loading) return;
  loading = true;
  try {
    const response = await fetch(older.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    list.append(...page.querySelectorAll("[data-days] > li"));
    const next = page.querySelector("[data-older]");
    if (next) older.href = next.getAttribute("href");
    else {
      observer.disconnect();
      older.parentElement.remove();
    }
    status.textContent = next ? `Showing ${list.children.length} days.` : `Showing all ${list.children.length} days.`;
    loading = false;
  } catch {
    status.textContent = "Older days could not be loaded. Check your connection, then tap Show older days.";
    observer.disconnect();
    loading = false;
    return;
  }
  // Still near the screen after the new days (a tall screen): keep going.
  if (document.contains(older) && older.getBoundingClientRect().top < innerHeight + 400) loadOlder();
}

const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadOlder(), {
  rootMargin: "400px",
});
if (older) {
  observer.observe(older);
  older.addEventListener("click", (event) => {
    event.preventDefault();
    loadOlder();
  });
}
