"""CSRF tokens bound to the browser: an HMAC of its session token (or of its pre-login cookie) under
GISTBOOK_SECRET, so any app process can check one without shared memory."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape

FIELD = "csrf_token"
HEADER = "x-csrf-token"


def sign(secret: str, purpose: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{purpose}|{value}".encode(), hashlib.sha256).hexdigest()


def token_for(secret: str, binding: str) -> str:
    """The token a form must send back: the same for every form of one browser session."""
    return sign(secret, "csrf", binding)


def token_matches(secret: str, binding: str | None, given: str | None) -> bool:
    if not binding or not given:
        return False
    return hmac.compare_digest(token_for(secret, binding), given)


@pass_context
def csrf_input(context: Any) -> Markup:
    """The hidden field every state-changing form carries; empty in local mode (no login, no cookie to abuse)."""
    request = context.get("request")
    token = getattr(getattr(request, "state", None), "csrf", None) if request is not None else None
    if not token:
        return Markup("")
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(token)}">')
