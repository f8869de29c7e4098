"""The in-app inbox: every alert and reminder we sent the person, also when push and email are off."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tracker.selectors.notifications import inbox_page
from tracker.services.preferences import mark_all_read


@login_required
def inbox(request):
    messages = inbox_page(user=request.user)
    return render(
        request,
        "frontend/notifications/inbox.html",
        {"inbox": messages, "unread": sum(message.read_at is None for message in messages)},
    )


@login_required
@require_POST
def read_all(request):
    mark_all_read(user=request.user)
    return redirect("frontend:notifications")
