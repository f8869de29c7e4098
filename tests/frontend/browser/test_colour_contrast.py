"""Every page reads as well in the phone's dark mode as in its light one: WCAG 2.2 AA contrast for every piece
of text (4.5:1, 3:1 when large) and for the edges of fields and choices (3:1), measured in Chromium."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.conftest import add_logs
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tracker.models import Alert, Notification

# Colours as the browser computed them, backgrounds composed up the tree, as contrast checkers do.
CONTRAST = """() => {
  const parse = (colour) => {
    const parts = colour.match(/rgba?\\(([^)]+)\\)/)?.[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return parts ? [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1] : [0, 0, 0, 0];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const EDGED = "input[type=number], input[type=text], input[type=email], input[type=password], textarea, "
    + ".choices label, .checks label";
  const problems = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!shown(element) || element.closest(".plot, svg, [hidden]") || element.matches(":disabled")) continue;
    const style = getComputedStyle(element);
    const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const background = backgroundOf(element);
    if (ownText || element.matches("input:not([type=radio]):not([type=checkbox]), textarea, select")) {
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const found = ratio(over(parse(style.color), background), background);
      if (found < (large ? 3 : 4.5)) {
        problems.push(`${found.toFixed(2)} text "${element.textContent.trim().slice(0, 40)}" <${element.tagName}>`);
      }
    }
    if (element.matches(EDGED)) {
      const edge = ratio(over(parse(style.borderTopColor), background), backgroundOf(element.parentElement));
      if (edge < 3) problems.push(`${edge.toFixed(2)} edge of <${element.tagName} ${element.className}>`);
    }
  }
  return {problems, page: luminance(backgroundOf(document.body))};
}"""


@pytest.fixture
def diary(transactional_db, patient):
    add_logs(
        patient,
        [
            SimpleNamespace(
                date=patient.local_today() - timedelta(days=offset),
                strength_left=7,
                strength_right=8,
                fatigue=3,
                steps=5000,
                chair_stand_30s=12,
                numbness_extent=0,
                symptoms={"cramps"},
            )
            for offset in range(3)
        ],
    )
    alert = Alert.objects.create(
        patient=patient,
        code="fall",
        severity="urgent",
        raised_on=patient.local_today(),
        patient_text="You logged a fall on a day your leg strength was lower than usual.",
        physician_text="x",
        advice="Please see a doctor today.",
        dedup_key="contrast",
    )
    Notification.objects.create(
        recipient=patient.user,
        alert=alert,
        channel=Notification.Channel.INBOX,
        status=Notification.Status.SENT,
        title="A fall. See a doctor today",
        body="Please see a doctor today.",
        payload={"url": f"/alerts/{alert.pk}/"},
        next_attempt_at=timezone.now(),
    )
    return alert


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_enough_contrast(browser, live_server, patient, diary, scheme):
    problems = {}
    signed_out = browser.new_context(**PHONE, base_url=live_server.url, color_scheme=scheme)
    page = signed_out.new_page()
    for path in ("/login/", "/signup/"):
        page.goto(path)
        problems[path] = page.evaluate(CONTRAST)
    signed_out.close()

    context = browser.new_context(**PHONE, base_url=live_server.url, color_scheme=scheme)
    sign_in(context, patient, live_server.url)
    page = context.new_page()
    for path in (
        "/history/",
        "/alerts/",
        f"/alerts/{diary.pk}/",
        "/charts/",
        "/more/",
        "/sharing/",
        "/settings/",
        "/records/",
        "/records/tests/new/",
        "/records/events/new/",
        "/notifications/",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        problems[path] = page.evaluate(CONTRAST)
    for path in ("/learn/", "/following/"):
        page.goto(path)
        problems[path] = page.evaluate(CONTRAST)
    page.goto("/")
    page.get_by_text("Already saved for today").wait_for()
    assert page.locator("[data-more-details]").evaluate("(details) => details.open"), "a day with symptoms shows them"
    page.locator("[data-chair-stand] > summary").tap()
    page.locator("[data-chair-senses]").get_by_text("The phone").wait_for()
    problems["today"] = page.evaluate(CONTRAST)
    screenshot(page, f"today-{scheme}-390")
    page.locator("#steps").fill("-5")
    page.get_by_role("button", name="Save today").tap()
    # Today raised an alert, so saving over it asks first: that question must be readable too.
    page.locator("[data-overwrite-question]").wait_for()
    problems["overwrite question"] = page.evaluate(CONTRAST)
    page.get_by_role("button", name="Save my changes").tap()
    page.locator("#steps-error").wait_for()
    problems["today, a refused save"] = page.evaluate(CONTRAST)
    page.get_by_role("button", name="Something sudden happened").tap()
    problems["red flag"] = page.evaluate(CONTRAST)
    screenshot(page, f"red-flag-{scheme}-390", full_page=False)
    context.close()

    assert {where: found["problems"] for where, found in problems.items() if found["problems"]} == {}
    if scheme == "dark":
        assert all(found["page"] < 0.05 for found in problems.values()), "a page stays light in dark mode"
