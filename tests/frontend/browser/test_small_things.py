"""The small things a person notices (issue 12 item 10): Back closes the emergency screen, a Messages page for
the in-app inbox, a share link that can be read and sent with the phone's share sheet, and the browser's own
error words never shown as they are."""

import re

import pytest
from django.utils import timezone

from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_script
from tracker.models import Notification

pytestmark = pytest.mark.worker

RAW_WORDS = ("Registration failed", "permission denied", "AbortError", "NotAllowedError")


def test_back_closes_the_emergency_screen_instead_of_leaving_the_app(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/history/")
    page.goto("/")
    overlay = page.locator("#red-flag")

    page.get_by_role("button", name="Something sudden happened").tap()
    overlay.wait_for()
    page.go_back()
    overlay.wait_for(state="hidden")
    assert page.evaluate("location.pathname") == "/", "still in the app, on Today"

    page.get_by_role("button", name="Something sudden happened").tap()
    overlay.wait_for()
    page.get_by_role("button", name="I have read this").tap()
    overlay.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.sudden") == "", "focus goes back to where it was"
    page.go_back()
    page.wait_for_url("**/history/")


@pytest.mark.parametrize("width", [390, 320])
def test_messages_lists_the_inbox(phone, server, patient, width):
    for title, body in (
        ("Left leg weaker than usual. Book an appointment", "Book an appointment with your GP in the next days."),
        ("Time to log today", "Two taps: how your legs are today."),
    ):
        Notification.objects.create(
            recipient=patient.user,
            channel=Notification.Channel.INBOX,
            status=Notification.Status.SENT,
            title=title,
            body=body,
            payload={"url": "/"},
            next_attempt_at=timezone.now(),
        )
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/more/")
    page.get_by_role("link", name="Messages (2 new)").tap()
    page.get_by_role("heading", name="Messages").wait_for()
    assert page.locator(".inbox li").count() == 2
    assert page.locator(".inbox li").first.inner_text().startswith("New Time to log today")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"messages-{width}", full_page=False)

    page.get_by_role("button", name="Mark all 2 new messages as read").tap()
    page.get_by_role("heading", name="Messages").wait_for()
    assert page.locator(".inbox .new").count() == 0


@pytest.mark.parametrize("width", [390, 320])
def test_the_share_link_can_be_read_whole_and_sent_with_the_share_sheet(phone, server, patient, width):
    # The phone's share sheet belongs to the operating system: a stand-in records what the page hands it.
    phone.add_init_script("navigator.share = async (data) => { window.sharedWithSheet = data; };")
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/sharing/")
    page.get_by_role("button", name="Make a new link").tap()
    wait_for_script(page, "document.querySelector('[data-share-url]').value !== ''")
    field = page.get_by_label("Give this link to your doctor")
    link = field.input_value()
    whole = field.evaluate(
        "(box) => box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth"
        " && parseFloat(getComputedStyle(box).fontSize) >= 16"
    )
    assert whole, "the whole link is visible, at a readable size, without scrolling inside the box"
    assert field.evaluate("(box) => box.getBoundingClientRect().bottom") < page.locator(".tabs").bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"sharing-link-{width}", full_page=False)

    listed = page.locator("[data-share-list]").inner_text()
    assert listed.startswith("Link made ") and not re.search(r"\d{4}-\d{2}-\d{2}", listed), "dates as people say them"

    page.get_by_role("button", name="Share the link").tap()
    page.get_by_role("status").get_by_text("Link shared.").wait_for()
    assert page.evaluate("window.sharedWithSheet.url") == link


def test_no_share_button_where_the_browser_has_no_share_sheet(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/sharing/")
    assert page.evaluate("'share' in navigator") is False
    page.get_by_role("button", name="Make a new link").tap()
    wait_for_script(page, "document.querySelector('[data-share-url]').value !== ''")
    assert page.get_by_role("button", name="Copy the link").is_visible()
    assert page.get_by_role("button", name="Share the link").is_hidden()


@pytest.mark.parametrize(
    ("name", "raw", "plain"),
    [
        ("NotAllowedError", "Registration failed - permission denied", "allow them in your browser's site settings"),
        ("AbortError", "Registration failed - push service error", "Check that you are online, then try again."),
    ],
)
def test_a_push_service_refusal_is_said_in_plain_words(phone, server, patient, name, raw, plain):
    phone.grant_permissions(["notifications"])
    # The browser's push service is outside the machine: its refusal is given as Chromium words it.
    phone.add_init_script(
        f"PushManager.prototype.subscribe = async () => {{ throw new DOMException({raw!r}, {name!r}); }};"
    )
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/settings/")
    page.get_by_role("button", name="Turn on notifications").tap()
    status = page.locator("[data-push-status]")
    wait_for_script(page, "!['', 'One moment…'].includes(document.querySelector('[data-push-status]').textContent)")
    said = status.inner_text()
    assert not any(word in said for word in RAW_WORDS), said
    assert plain in said and said.endswith("."), said


def test_the_api_s_words_reach_the_person_as_sentences(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/more/")
    said = page.evaluate(
        """async () => {
            const { sentence, unavailable } = await import("/static/frontend/js/api.js");
            return [
                sentence({ field: "email", message: "Enter a valid email address." }),
                sentence({ field: null, message: "this invitation is unknown or was withdrawn" }),
                sentence({ field: "reminder_time", message: "must be a time as HH:MM" }),
                unavailable({ status: 400, data: { errors: [{ field: "steps", message: "must be a whole number" }] } }),
            ];
        }"""
    )
    assert said == [
        "Enter a valid email address.",
        "This invitation is unknown or was withdrawn.",
        "Reminder time must be a time as HH:MM.",
        "Steps must be a whole number.",
    ]
