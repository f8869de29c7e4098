from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from frontend.ratelimit import client_address
from tracker.services.login_throttle import login_failed, login_succeeded, login_wait


class LockoutModelBackend(ModelBackend):
    """The usual username and password check, refused without trying the password while this address must wait.

    Every login goes through `authenticate()`, so the token endpoint, the admin and any sign-in page share it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        remote_addr = client_address(request) if request is not None else ""
        if login_wait(username=username, remote_addr=remote_addr):
            raise PermissionDenied("wait before trying again")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            login_failed(username=username, remote_addr=remote_addr)
        else:
            login_succeeded(username=username, remote_addr=remote_addr)
        return user
