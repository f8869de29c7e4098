"""Thin Celery tasks: each loads ids and calls one service."""

import logging
from datetime import date, timedelta

from celery import Task, shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tracker.models import DailyLog
from tracker.services import account_emails, alerting, delivery, nightly, reminders, summary_pdf

logger = logging.getLogger(__name__)

# A log saved longer ago than this and still unchecked lost its task (broker down, worker died).
UNCHECKED_LOG_GRACE = timedelta(minutes=2)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def check_log_red_flags(log_id: int) -> None:
    alerting.check_saved_log(log_id=log_id)


@shared_task
def dispatch_nightly_analysis() -> None:
    for patient_ids, day in nightly.due_patient_chunks():
        analyse_patients.delay(patient_ids, day.isoformat())


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=3)
def analyse_patients(patient_ids: list[int], day: str) -> None:
    nightly.analyse_patients(patient_ids=patient_ids, today=date.fromisoformat(day))


@shared_task
def sweep_unchecked_logs() -> None:
    stale = timezone.now() - UNCHECKED_LOG_GRACE
    for log_id in DailyLog.objects.filter(red_flags_checked_at__isnull=True, updated_at__lt=stale).values_list(
        "pk", flat=True
    )[:500]:
        check_log_red_flags.delay(log_id)


# Retries are planned by the outbox rows themselves (tracker.services.delivery), not by Celery; a retry
# stays on the queue its task came from.
@shared_task(bind=True)
def deliver_notification(self, notification_id: int) -> None:
    retry_in = delivery.deliver(notification_id=notification_id)
    if retry_in is not None:
        self.apply_async((notification_id,), countdown=retry_in, queue=_own_queue(self))


@shared_task(bind=True)
def deliver_pushes(self, recipient_id: int) -> None:
    retry_in = delivery.deliver_pushes(recipient_id=recipient_id)
    if retry_in is not None:
        self.apply_async((recipient_id,), countdown=retry_in, queue=_own_queue(self))


def _own_queue(task: Task) -> str | None:
    return (task.request.delivery_info or {}).get("routing_key")


@shared_task
def sweep_notifications() -> None:
    due = delivery.due_deliveries()
    try:
        for recipient_id, queue in due.push_recipients:
            deliver_pushes.apply_async((recipient_id,), queue=queue)
        for notification_id, queue in due.notifications:
            deliver_notification.apply_async((notification_id,), queue=queue)
    except Exception:
        logger.warning("could not enqueue deliveries; the next sweep will retry")


@shared_task
def send_due_reminders() -> None:
    reminders.send_due_reminders()


def enqueue_after_commit(task: Task, *args, queue: str | None = None) -> None:
    """Send `task` (to `queue`, else its route) once the transaction commits; a broker outage must not fail the write.

    With settings.TASKS_RUN_INLINE (`manage.py replay`) the same task body runs in process instead.
    """

    def send():
        if settings.TASKS_RUN_INLINE:
            task(*args)
            return
        try:
            task.apply_async(args, queue=queue)
        except Exception:
            # The broker is down: what was saved stays saved, and a periodic sweep sends it later.
            logger.warning("could not enqueue %s%s; the sweep will retry", task.name, args)

    transaction.on_commit(send)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_verification_email(user_id: int) -> None:
    account_emails.send_verification_email(user_id=user_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_password_reset_email(user_id: int) -> None:
    account_emails.send_password_reset_email(user_id=user_id)


# Routed to the "pdf" queue (tracker/settings.py), which workers read after every other.
@shared_task(
    bind=True,
    soft_time_limit=settings.PDF_TASK_TIME_LIMIT - 10,
    time_limit=settings.PDF_TASK_TIME_LIMIT,
    max_retries=summary_pdf.PENDING_SECONDS // settings.PDF_SLOT_WAIT_SECONDS,
)
def render_summary_pdf(self, share_id: int, key: str) -> None:
    try:
        summary_pdf.print_summary_pdf(share_id=share_id, key=key)
    except summary_pdf.RenderSlotsBusy as busy:
        raise self.retry(countdown=settings.PDF_SLOT_WAIT_SECONDS, exc=busy) from busy
