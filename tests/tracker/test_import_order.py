"""Each module a request may load first imports on its own: a cycle between the charts and the selectors their
sentences read would fail only for whichever page happens to load first after a restart."""

import subprocess
import sys

import pytest
from django.conf import settings

FIRST_IMPORTS = ["tracker.selectors.figures", "tracker.selectors.summary", "tracker.charts", "frontend.evidence"]


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_the_module_imports_first_in_a_fresh_process(module):
    setup = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tracker.test_settings'); "
    setup += "django.setup()"
    subprocess.run([sys.executable, "-c", f"{setup}; import {module}"], cwd=settings.BASE_DIR, check=True)
