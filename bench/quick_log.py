"""How much a quick log costs on a phone: Today's height, where Save sits, how many rows the navigation
takes, and a quick log (both legs, tiredness, Save) tapped through in Chromium, counting the taps and
the scrolling it needed; also the taps to tick a red-flag symptom. Usage: quick_log.py URL SESSION_COOKIE_VALUE
"""

import sys

from playwright.sync_api import sync_playwright

PHONES = {"390x844": (390, 844), "320x568": (320, 568)}
QUICK_LOG = ("label[for=strength_left-{n}]", "label[for=strength_right-{n}]", "label[for=fatigue-{n}]")
# What is on the first screen: is the middle of the element visible and not covered by a fixed bar.
ON_FIRST_SCREEN = """(selector) => {
  const element = document.querySelector(selector);
  const box = element.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  if (box.bottom > innerHeight || box.height === 0) return false;
  const hit = document.elementFromPoint(x, y);
  return hit !== null && (element === hit || element.contains(hit) || hit.contains(element));
}"""
LAYOUT = """() => {
  const save = document.querySelector("[data-save]").getBoundingClientRect();
  const items = [...document.querySelectorAll("nav[aria-label=Main] li")];
  const tops = new Set(items.map((li) => li.getBoundingClientRect().top));
  return {
    height: document.documentElement.scrollHeight,
    save_bottom: Math.round(save.bottom + scrollY),
    nav_rows: tops.size,
    sideways_scroll: document.documentElement.scrollWidth > innerWidth,
  };
}"""


# Scrolls the element fully into the part of the screen the tab bar leaves free, as a thumb would, and
# returns how far that was.
SCROLL_TO = """(element) => {
  const bar = document.querySelector("nav[aria-label=Main]");
  const free = innerHeight - (bar && getComputedStyle(bar).position === "fixed" ? bar.offsetHeight : 0);
  const box = element.getBoundingClientRect();
  const by = box.bottom > free ? box.bottom - free + 16 : box.top < 0 ? box.top - 16 : 0;
  const before = scrollY;
  scrollBy(0, by);
  return Math.abs(scrollY - before);
}"""


class Journey:
    """Taps like a thumb: counts each tap and how far the person had to scroll to bring the target into view
    (scrolling the page does by itself, such as opening a section, is not the person's work)."""

    def __init__(self, page):
        self.page, self.taps, self.scrolled = page, 0, 0

    def tap(self, locator):
        self.scrolled += locator.evaluate(SCROLL_TO)
        locator.tap()
        self.taps += 1


def measure(context, url: str, width: int, height: int, rating: int) -> dict:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url, wait_until="networkidle")
    figures = page.evaluate(LAYOUT)
    quick = [*(s.format(n=rating) for s in QUICK_LOG), "[data-save]"]
    figures["quick_log_on_first_screen"] = all(page.evaluate(ON_FIRST_SCREEN, s) for s in quick)

    journey = Journey(page)
    for selector in quick:
        journey.tap(page.locator(selector))
    page.get_by_text("Saved", exact=False).first.wait_for()
    figures["quick_log_taps"], figures["quick_log_scroll_px"] = journey.taps, journey.scrolled

    # A red flag: from the top of a fresh page to the bladder/bowel box ticked.
    page.goto(url, wait_until="networkidle")
    journey = Journey(page)
    box = page.locator("label[for=symptom-bladder_bowel_change]")
    if not box.is_visible():
        journey.tap(page.locator("[data-more-details] > summary"))
    journey.tap(box)
    figures["red_flag_taps"], figures["red_flag_scroll_px"] = journey.taps, journey.scrolled
    page.close()
    return figures


url, session = sys.argv[1], sys.argv[2]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
    context = browser.new_context(is_mobile=True, has_touch=True, device_scale_factor=2)
    context.add_cookies([{"name": "sessionid", "value": session, "url": url}])
    for rating, (name, (width, height)) in enumerate(PHONES.items(), start=6):
        figures = measure(context, url, width, height, rating)
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in figures.items()))
    browser.close()
