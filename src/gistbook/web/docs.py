"""/docs: the OpenAPI schema as a page of our own, since Swagger UI would fetch its assets from a CDN."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from gistbook.web.templating import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict[str, Any] | None) -> str:
    """A short type label: a $ref's name, array of X, or the JSON type."""
    if not schema:
        return ""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_schema_name(schema.get('items')) or 'values'}"
    if "anyOf" in schema:
        return " or ".join(n for n in (_schema_name(s) for s in schema["anyOf"]) if n)
    return str(schema.get("type", "object"))


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation in path order, flattened for the template."""
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {})
            body_type = next(iter(body), "")
            ok: dict[str, Any] = next((r for code, r in op.get("responses", {}).items() if code.startswith("2")), {})
            ok_schema = ok.get("content", {}).get("application/json", {}).get("schema")
            ops.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tag": (op.get("tags") or ["api"])[0],
                "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                            "type": _schema_name(p.get("schema")), "description": p.get("description", "")}
                           for p in op.get("parameters", [])],
                "body": f"{body_type}: {_schema_name(body[body_type].get('schema'))}" if body_type else "",
                "returns": _schema_name(ok_schema),
            })
    return ops


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    schemas = spec.get("components", {}).get("schemas", {})
    models = {name: [(field, _schema_name(info), field in schema.get("required", []))
                     for field, info in schema.get("properties", {}).items()]
              for name, schema in sorted(schemas.items())
              if not name.startswith(("HTTPValidationError", "ValidationError"))}
    return render(request, "docs.html", {"info": spec.get("info", {}), "ops": operations(spec), "models": models})
