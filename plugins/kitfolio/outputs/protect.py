"""The ciphertext of a protected page, which the browser opens with the Web Crypto API.

AES-256-GCM under a key derived from the password by PBKDF2-HMAC-SHA256, both from pyca
``cryptography``; the salt and the IV are drawn fresh for every build of the page, so two builds
never publish the same bytes. The payload names its parameters, so a later build may raise the
iteration count without breaking the script that reads it (theme/assets/kitfolio/protect.js).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from kitfolio.present import build_text
from kitfolio.sources import passwords

ITERATIONS = 600_000
"""OWASP's 2023 figure for PBKDF2-HMAC-SHA256; under a second in a browser, once per unlock."""
SALT_BYTES = 16
IV_BYTES = 12
KEY_BYTES = 32
PAYLOAD_VERSION = 1
PAYLOAD_ATTRIBUTE = "data-kf-payload"
"""The attribute that carries the payload in the page (theme/kitfolio/partials/unlock.html)."""


class ProtectionError(Exception):
    """A protected page that cannot be published encrypted: it is not published at all."""


@dataclass(frozen=True)
class Payload:
    """What a protected page publishes: parameters and ciphertext, never the plaintext."""

    salt: bytes
    iv: bytes
    ciphertext: bytes
    iterations: int = ITERATIONS

    def to_json(self) -> str:
        """The payload as the page carries it (plain ASCII: base64 and names)."""
        return json.dumps(
            {
                "v": PAYLOAD_VERSION,
                "kdf": "PBKDF2-HMAC-SHA256",
                "iterations": self.iterations,
                "cipher": "AES-256-GCM",
                "salt": _b64(self.salt),
                "iv": _b64(self.iv),
                "ciphertext": _b64(self.ciphertext),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Payload:
        data = json.loads(text)
        return cls(
            salt=base64.b64decode(data["salt"]),
            iv=base64.b64decode(data["iv"]),
            ciphertext=base64.b64decode(data["ciphertext"]),
            iterations=int(data["iterations"]),
        )


def derive_key(password: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
    """The AES key of ``password``, as SubtleCrypto's PBKDF2 derives it in the browser."""
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(password.encode("utf-8"))


def encrypt(plaintext: str, password: str, iterations: int = ITERATIONS) -> Payload:
    """``plaintext`` (the page's content HTML) sealed under ``password`` with a new salt and IV."""
    salt, iv = os.urandom(SALT_BYTES), os.urandom(IV_BYTES)
    key = derive_key(password, salt, iterations)
    ciphertext = AESGCM(key).encrypt(iv, plaintext.encode("utf-8"), None)
    return Payload(salt, iv, ciphertext, iterations)


def decrypt(payload: Payload, password: str) -> str:
    """The plaintext of ``payload``; raises ``cryptography.exceptions.InvalidTag`` for a wrong
    password. The browser does this; Python only needs it to prove a build round-trips."""
    key = derive_key(password, payload.salt, payload.iterations)
    return AESGCM(key).decrypt(payload.iv, payload.ciphertext, None).decode("utf-8")


@dataclass(frozen=True)
class Sealer:
    """Hands a template the payload of its protected content (``kf_protected.seal(...)``)."""

    password: str
    iterations: int = ITERATIONS

    def seal(self, content: str) -> str:
        return encrypt(str(content), self.password, self.iterations).to_json()


def sealer_for(name: str, environ: Mapping[str, str] | None = None) -> Sealer:
    """The sealer of the protected page ``name``; raises ProtectionError without a password
    (a build checks this with the sources, so it only happens when the environment changed)."""
    password = passwords.password_for(name, environ)
    if password is None:
        variable = passwords.page_variable(name)
        raise ProtectionError(build_text.missing_password(variable, passwords.SITE_VARIABLE))
    return Sealer(password)


def check_sealed(name: str, page_html: str) -> None:
    """Fail closed: a protected page whose template published no payload (a ``custom_dir``
    template that skips the seal) would show its plaintext, so it stops the build instead."""
    if f"{PAYLOAD_ATTRIBUTE}=" not in page_html:
        raise ProtectionError(build_text.unsealed_page(name))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
