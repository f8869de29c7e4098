"""A push service on https://localhost for tests and the benchmarks.

It plays both ends a real push delivery has: the push service, which checks the VAPID JWT
(RFC 8292), and the browser, which decrypts the aes128gcm body (RFC 8291) with the private
key and auth secret of the subscription it handed out. It serves HTTPS with a certificate from a
throwaway certificate authority; senders trust it through REQUESTS_CA_BUNDLE (ca_bundle_path()),
and the app allows it through PUSH_SERVICE_HOSTS=localhost (tracker/test_settings.py), the same
way production allows the real push services.
"""

import base64
import datetime
import functools
import ipaddress
import json
import os
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import http_ece
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509.oid import NameOID

# How long a stalled path holds a request before answering, unless released earlier.
STALL_SECONDS = 120


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class Received:
    path: str
    payload: dict
    claims: dict
    vapid_public_key: str
    headers: dict
    at: float


@dataclass
class Device:
    """A browser's subscription: the keys it keeps and the JSON it gives the server."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def subscription_json(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


@dataclass
class PushService:
    port: int = 0
    devices: dict[str, Device] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Per path, statuses to answer before the default 201; e.g. [500, 500] fails twice.
    scripted: dict[str, list[int]] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)
    # Per path, where to redirect (a 307) instead of answering.
    redirects: dict[str, str] = field(default_factory=dict)
    # Paths that hold every request without an answer (a tarpit) until `release` is set.
    stalled: set[str] = field(default_factory=set)
    release: threading.Event = field(default_factory=threading.Event)
    # Seconds each accepted push takes to answer, so a sender can be killed while it waits.
    answer_delay: float = 0.0
    arrived: threading.Condition = field(default_factory=threading.Condition)

    @property
    def origin(self) -> str:
        return f"https://localhost:{self.port}"

    def new_device(self) -> Device:
        path = f"/push/{b64url(os.urandom(12))}"
        device = Device(self.origin + path, ec.generate_private_key(ec.SECP256R1()), os.urandom(16))
        self.devices[path] = device
        return device

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.received) >= count, timeout):
                raise AssertionError(f"{len(self.received)} pushes arrived, expected {count}; errors: {self.errors}")
            return list(self.received)

    def new_stalled_device(self) -> Device:
        device = self.new_device()
        self.stalled.add(device.endpoint.removeprefix(self.origin))
        return device

    def handle(self, path: str, headers: dict, body: bytes) -> int:
        self.requests[path] = self.requests.get(path, 0) + 1
        if path in self.stalled:
            self.release.wait(STALL_SECONDS)
            return 503
        script = self.scripted.get(path)
        if script:
            return script.pop(0)
        device = self.devices.get(path)
        if device is None:
            return 404
        try:
            claims, key = verify_vapid(headers.get("authorization", ""))
            plain = http_ece.decrypt(
                body, private_key=device.private_key, auth_secret=device.auth_secret, version="aes128gcm"
            )
        except Exception as error:
            self.errors.append(repr(error))
            return 400
        with self.arrived:
            self.received.append(Received(path, json.loads(plain), claims, key, headers, time.monotonic()))
            self.arrived.notify_all()
        time.sleep(self.answer_delay)
        return 201


def verify_vapid(authorization: str) -> tuple[dict, str]:
    """Check the `vapid t=<jwt>, k=<key>` header's ES256 signature; return the claims and the key."""
    scheme, _, params = authorization.partition(" ")
    assert scheme == "vapid", authorization
    parts = dict(item.strip().split("=", 1) for item in params.split(","))
    token, key = parts["t"], parts["k"]
    header_b64, claims_b64, signature_b64 = token.split(".")
    assert json.loads(b64url_decode(header_b64))["alg"] == "ES256"
    signature = b64url_decode(signature_b64)
    public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(key))
    public_key.verify(
        encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")),
        f"{header_b64}.{claims_b64}".encode(),
        ec.ECDSA(hashes.SHA256()),
    )
    return json.loads(b64url_decode(claims_b64)), key


def start_push_service() -> tuple[PushService, ThreadingHTTPServer]:
    service = PushService()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            location = service.redirects.get(self.path)
            if location is not None:
                service.requests[self.path] = service.requests.get(self.path, 0) + 1
                self.send_response(307)
                self.send_header("Location", location)
            else:
                status = service.handle(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    # The TLS handshake happens on the first read, in the request's own thread, so one slow client
    # never holds the accept loop.
    server.socket = _server_tls().wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    service.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return service, server


def ca_bundle_path() -> str:
    """The PEM file of the throwaway certificate authority that signed the service's certificate."""
    return str(_certificates()[0])


def _server_tls() -> ssl.SSLContext:
    _, certificate, key = _certificates()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context


@functools.cache
def _certificates() -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate, server key) for localhost, made once per process."""
    folder = Path(tempfile.mkdtemp(prefix="push-service-tls-"))
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test push service CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server-key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return paths
