"""One phone, two people (issue 14 item 5): an entry Frank saved offline stays Frank's. It is never shown to,
nor uploaded under, Gina who signs in next on the same browser; it is sent when Frank signs in again, or deleted
at sign-out if he chooses; signing out takes his pages out of the phone's cache."""

import pytest

from tests.conftest import wait_until
from tests.frontend.browser.conftest import screenshot, sign_in, wait_for_service_worker
from tracker.models import DailyLog, PushSubscription

pytestmark = pytest.mark.worker

PASSWORD = "a long enough passphrase 42"
OUTBOX_ENTRIES = """() => new Promise((resolve) => {
    const open = indexedDB.open("leg-tracker");
    open.onsuccess = () => {
        const all = open.result.transaction("outbox").objectStore("outbox").getAll();
        all.onsuccess = () => resolve(all.result);
    };
})"""
CACHED_PAGES = "async () => (await Promise.all(['/', '/settings/'].map((url) => caches.match(url)))).filter(Boolean)"


# The browser's push service is outside the machine: a stand-in subscription on the test's allowed push host.
FAKE_PUSH_SERVICE = """
const fakeSubscription = {
    endpoint: "https://localhost/push/this-phone",
    toJSON() { return { endpoint: this.endpoint, keys: { p256dh: "BPublicKeyOfThisPhone", auth: "secret" } }; },
    async unsubscribe() { sessionStorage.removeItem("subscribed"); return true; },
};
PushManager.prototype.subscribe = async () => { sessionStorage.setItem("subscribed", "1"); return fakeSubscription; };
PushManager.prototype.getSubscription = async () => (sessionStorage.getItem("subscribed") ? fakeSubscription : null);
"""


def _save_offline_as_frank(phone, page, frank, server) -> None:
    sign_in(phone, frank, server)
    page.goto("/")
    wait_for_service_worker(page)
    phone.set_offline(True)
    for name in ("strength_left-7", "strength_right-6", "fatigue-4"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator("#note").fill("Frank's note about his back")
    page.get_by_role("button", name="Save today").tap()
    page.get_by_text("Saved on this phone").wait_for()
    # Back online, but the diary cannot be reached before he signs out (a failing connection, a busy server).
    phone.route("**/api/logs/", lambda route: route.abort())
    phone.set_offline(False)


def _sign_out(page, *, width: int, choice: str | None) -> None:
    page.goto("/settings/")
    page.get_by_role("button", name="Sign out").tap()
    if choice is not None:
        page.get_by_text("1 entry has not been sent yet").wait_for()
        page.set_viewport_size({"width": width, "height": 844})
        page.locator("[data-sign-out]").scroll_into_view_if_needed()
        screenshot(page, f"sign-out-unsent-{width}", full_page=False)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.locator(f"label[for=unsent-{choice}]").tap()
        page.get_by_role("button", name="Sign out now").tap()
    page.get_by_role("heading", name="Sign in").wait_for()


def _sign_in_with_form(page, patient) -> None:
    page.get_by_label("Username").fill(patient.user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").tap()
    page.wait_for_url("**/")


@pytest.mark.parametrize("width", [390, 320])
def test_frank_s_offline_entry_never_reaches_gina_s_diary_and_is_sent_when_he_returns(
    phone, server, make_patient, width
):
    frank, gina = make_patient(username="frank"), make_patient(username="gina")
    page = phone.new_page()
    _save_offline_as_frank(phone, page, frank, server)

    _sign_out(page, width=width, choice="keep")
    assert page.evaluate(CACHED_PAGES) == [], "Frank's pages are gone from the cache"
    assert [entry["note"] for entry in page.evaluate(OUTBOX_ENTRIES)] == ["Frank's note about his back"]

    phone.unroute("**/api/logs/")
    _sign_in_with_form(page, gina)
    page.get_by_role("button", name="Save today").wait_for()
    page.wait_for_timeout(1000)
    assert not page.locator("#strength_left-7").is_checked(), "Gina's Today does not show Frank's entry"
    assert page.locator("#note").input_value() == ""
    assert page.locator("#sync-status").is_hidden()
    assert not DailyLog.objects.exists(), "nothing was uploaded into Gina's diary"

    _sign_out(page, width=width, choice=None)
    _sign_in_with_form(page, frank)
    log = wait_until(lambda: DailyLog.objects.filter(patient=frank).first())
    assert (log.strength_left, log.note) == (7, "Frank's note about his back")
    assert not DailyLog.objects.filter(patient=gina).exists()
    page.locator("#sync-status").wait_for(state="hidden")


def test_frank_may_delete_his_unsent_entries_when_he_signs_out(phone, server, make_patient):
    frank = make_patient(username="frank")
    page = phone.new_page()
    _save_offline_as_frank(phone, page, frank, server)

    _sign_out(page, width=390, choice="delete")
    assert page.evaluate(OUTBOX_ENTRIES) == []
    phone.unroute("**/api/logs/")
    _sign_in_with_form(page, frank)
    page.get_by_role("button", name="Save today").wait_for()
    page.wait_for_timeout(1000)
    assert not DailyLog.objects.exists()


def test_signing_out_stops_this_account_s_notifications_on_this_phone(phone, server, make_patient):
    frank = make_patient(username="frank")
    phone.grant_permissions(["notifications"])
    phone.add_init_script(FAKE_PUSH_SERVICE)
    sign_in(phone, frank, server)
    page = phone.new_page()
    page.goto("/settings/")
    page.get_by_role("button", name="Turn on notifications").tap()
    page.get_by_text("Notifications are on for this phone.").wait_for()
    assert PushSubscription.objects.filter(user=frank.user).count() == 1

    _sign_out(page, width=390, choice=None)
    assert not PushSubscription.objects.filter(user=frank.user).exists(), "the next person gets none of his alerts"
    assert page.evaluate("sessionStorage.getItem('subscribed')") is None
