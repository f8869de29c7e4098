"""What makes the site an installable app: the manifest, the service worker and its offline page."""

import hashlib
import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from tracker.emergency_numbers import DEFAULT_EMERGENCY_NUMBER

THEME_COLOUR = "#0b4f8a"
BACKGROUND_COLOUR = "#ffffff"
SERVICE_WORKER = Path(__file__).resolve().parent.parent / "sw.js"
# The app shell: what Today needs to draw itself and save a log with no network.
SHELL_FILES = (
    "frontend/css/app.css",
    "frontend/js/app.js",
    "frontend/js/outbox.js",
    "frontend/js/redflags.js",
    "frontend/js/today.js",
    "frontend/js/strokequestions.js",
    "frontend/js/confirmation.js",
    "frontend/js/chairtest.js",
    "frontend/js/standcounter.js",
    "frontend/js/push.js",
    "frontend/js/settings.js",
    "frontend/js/signout.js",
    "frontend/js/history.js",
    "frontend/js/api.js",
    "frontend/js/plots.js",
    "frontend/icons/icon-192.png",
    "frontend/icons/icon.svg",
)


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    icons = [
        {"src": static("frontend/icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": static("frontend/icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {
            "src": static("frontend/icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    return JsonResponse(
        {
            "id": "/",
            "name": "Leg strength tracker",
            "short_name": "Legs",
            "description": "Log your legs' strength in under 30 seconds a day and get told when to see a doctor.",
            "start_url": "/?source=pwa",
            "scope": "/",
            "display": "standalone",
            "orientation": "portrait",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": icons,
        },
        content_type="application/manifest+json",
    )


def _shell() -> tuple[str, list[str]]:
    digest = hashlib.sha256(SERVICE_WORKER.read_bytes())
    for name in SHELL_FILES:
        digest.update(Path(finders.find(name)).read_bytes())
    return digest.hexdigest()[:12], [static(name) for name in SHELL_FILES]


@require_GET
@never_cache
def service_worker(request):
    version, shell = _shell()
    prelude = f"const VERSION = {json.dumps(version)};\nconst SHELL = {json.dumps(shell)};\n"
    response = HttpResponse(prelude + SERVICE_WORKER.read_text(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    """Cached by the service worker when it installs, maybe before anyone signed in: the number is the one
    the phone last saw on Today (app.js), else the person's, else 112, which any mobile phone calls."""
    patient = getattr(request.user, "patient", None)
    number = patient.emergency_number if patient is not None else DEFAULT_EMERGENCY_NUMBER
    return render(request, "frontend/offline.html", {"emergency_number": number})
