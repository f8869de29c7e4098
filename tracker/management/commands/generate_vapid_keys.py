"""Print a new VAPID key pair for Web Push, as environment variable lines."""

from django.core.management.base import BaseCommand

from tracker.notify.webpush import generate_vapid_key_pair


class Command(BaseCommand):
    help = "Generate a VAPID key pair; put both lines in the environment of the web and worker processes."

    def handle(self, *args, **options):
        private, public = generate_vapid_key_pair()
        self.stdout.write(f"VAPID_PRIVATE_KEY={private}\nVAPID_PUBLIC_KEY={public}\n")
