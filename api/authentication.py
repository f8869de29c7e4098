from knox.auth import TokenAuthentication

from tracker.services.devices import api_token_used


class DeviceTokenAuthentication(TokenAuthentication):
    """knox's hashed, expiring token (`Authorization: Token ...`), noting when each device last used its token."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        api_token_used(token)
        return user, token
