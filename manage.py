#!/usr/bin/env python
import os
import secrets
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    if sys.argv[1:2] == ["replay"]:
        # The replay works on a throwaway database and serves nothing, so it needs no real secret.
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(32))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
