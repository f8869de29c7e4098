import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.utils.csp import CSP

from frontend.views.pwa import SHELL_FILES


def test_the_manifest_makes_the_app_installable(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["display"] == "standalone"
    assert manifest["start_url"].startswith("/")
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_the_service_worker_is_served_from_the_root_uncached_with_a_versioned_shell(client):
    response = client.get("/sw.js")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert body.startswith('const VERSION = "')
    assert "/static/frontend/js/today.js" in body


def test_the_offline_page_needs_no_sign_in(client):
    assert client.get("/offline/").status_code == 200


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == CSP.SELF
    assert directives["style-src"] == f"{CSP.SELF} {CSP.UNSAFE_INLINE}"
    assert directives["object-src"] == CSP.NONE
    assert directives["frame-ancestors"] == CSP.NONE


def test_every_module_a_shell_module_imports_is_in_the_shell():
    """Today works offline only if every module it imports, at once or later, was cached with the shell."""
    shell = {name for name in SHELL_FILES if name.endswith(".js")}
    for name in shell:
        source = Path(finders.find(name)).read_text()
        for imported in re.findall(r'(?:\bfrom |\bimport\()"\./([\w.]+)"', source):
            assert f"frontend/js/{imported}" in shell, f"{name} imports {imported}, which the shell lacks"


def test_the_production_static_storage_collects_every_file(tmp_path, settings):
    """Two modules that import each other cannot both be named by their hash: collectstatic would stop the deploy."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "tracker.storage.StaticStorage"}}
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert set(SHELL_FILES) <= set(manifest)
