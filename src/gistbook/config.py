"""Every setting declared once, read from GISTBOOK_* environment variables and CLI flags."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def host_name(host_header: str) -> str:
    """The host of a Host header or --host value, lower-cased, without its port: '[::1]:8000' → '[::1]'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def default_db_url() -> str:
    data_dir = Path(platformdirs.user_data_dir("gistbook"))
    return f"sqlite:///{data_dir / 'gistbook.db'}"


class Settings(BaseSettings):
    """Settings validated once at start-up."""

    model_config = SettingsConfigDict(env_prefix="GISTBOOK_", extra="ignore")

    db: str = Field(default_factory=default_db_url, description="SQLAlchemy database URL")
    max_file_mb: float = Field(default=100.0, gt=0, description="largest input file accepted by readers, in MB")
    max_upload_mb: float = Field(default=20.0, gt=0, description="largest upload accepted by the web app, in MB")
    secret: str | None = Field(default=None, description="server mode: session signing secret")
    key_points: int | None = Field(default=None, ge=1, le=30, description="key points shown for a prose item "
                                   "(default: 3 to 8 by its length)")
    page_cache: bool = Field(default=True, description="local mode: keep read-only pages until the data changes")
    allowed_hosts: str = Field(default="", description="comma-separated host names the web app answers to beside "
                               "127.0.0.1, localhost and [::1] (the Host header is checked against them)")
    base_url: str | None = Field(default=None, description="server mode: the public address links are built from "
                                 "(invites), e.g. https://notes.example.org; never taken from a request's Host")
    trusted_proxies: str = Field(default="", description="comma-separated proxy addresses whose X-Forwarded-For "
                                 "and X-Forwarded-Proto are believed; empty trusts none")
    token_days: int = Field(default=90, ge=1, le=3650, description="server mode: days an API token lives")
    web_threads: int | None = Field(default=None, ge=1, le=256,
                                    description="threads one app process serves slower pages and writes on (default: "
                                                "4 on SQLite, whose quick pages run on the event loop, 16 on "
                                                "PostgreSQL, where every page uses them)")

    fetch_timeout: float = Field(default=10.0, gt=0, le=300, description="seconds a fetched URL may take to "
                                 "connect or to send its next bytes (a whole response: four times that)")
    fetch_delay: float = Field(default=1.0, ge=0, le=60, description="seconds between two requests to one host "
                               "(robots.txt may ask for more)")

    @field_validator("base_url")
    @classmethod
    def _absolute_base_url(cls, value: str | None) -> str | None:
        """Links are built on it, so it must be a whole http(s) address: "notes.example.org" would make broken
        invite links."""
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"{value!r} must be an http(s) address such as https://notes.example.org")
        return value.strip().rstrip("/")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def host_allow_list(self) -> set[str]:
        """Host names (no port) the app answers to: loopback always, plus GISTBOOK_ALLOWED_HOSTS."""
        extra = {h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip()}
        return LOOPBACK | {host_name(h) for h in extra}

    @property
    def proxy_list(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with flag values (when not None) taking precedence."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given)  # type: ignore[arg-type]
