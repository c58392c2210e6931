"""Who is asking, for the login rate limit: the socket's peer, unless that peer is one of the configured proxies
(settings.proxy_list), whose X-Forwarded-For alone is believed. Anyone else can write that header, so from
anyone else it would let one client count as many addresses."""

from __future__ import annotations

import ipaddress

from starlette.requests import Request


def _trusted(address: str, proxies: list[str]) -> bool:
    """Exact addresses, CIDR networks (10.0.0.0/8) or '*', as uvicorn's forwarded_allow_ips takes them."""
    if "*" in proxies or address in proxies:
        return True
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    for entry in proxies:
        try:
            if "/" in entry and ip in ipaddress.ip_network(entry, strict=False):
                return True
            if "/" not in entry and ip == ipaddress.ip_address(entry.strip("[]")):
                return True
        except ValueError:
            continue
    return False


def client_address(request: Request, proxies: list[str]) -> str:
    """The address to count sign-in tries against. Behind trusted proxies, the nearest hop in X-Forwarded-For
    that is not itself a trusted proxy (hops further left were written by the client and prove nothing)."""
    peer = request.client.host if request.client and request.client.host else "unknown"
    if not proxies or not _trusted(peer, proxies):
        return peer[:64]
    hops = [hop.strip() for value in request.headers.getlist("x-forwarded-for") for hop in value.split(",")]
    hops = [hop for hop in hops if hop]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop[:64]
    return (hops[0] if hops else peer)[:64]
