"""The API docs pages (/docs with Swagger UI, /redoc with ReDoc), served with no outside request.

FastAPI's own pages load their JavaScript and CSS from a CDN, so offline they stay blank. These
pages load the same Swagger UI 5 and ReDoc 2 files from the ``fastapi-offline`` package instead
(Swagger UI: Apache-2.0, ReDoc: MIT, the package: MIT), mounted under :data:`ASSETS_URL`.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..errors import ConfigError

__all__ = ["ASSETS_URL", "CONTENT_SECURITY_POLICY", "install_docs"]

#: Where the Swagger UI and ReDoc files are served; not under /static, which the dashboard's mount owns.
ASSETS_URL = "/docs-assets"
_ASSET_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")
#: Sent with both pages so that the browser itself refuses any request off the server, such as the
#: Redocly logo ReDoc puts in its sidebar; the pages' own inline script and styles are allowed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:")


def install_docs(app: FastAPI, docs_url: str = "/docs", redoc_url: str = "/redoc") -> None:
    """Add the self-hosted docs pages to an app built with ``docs_url=None, redoc_url=None``.

    Args:
        app: the application; its ``openapi_url`` must be set.
        docs_url: the Swagger UI page.
        redoc_url: the ReDoc page.

    Raises:
        ConfigError: the app has no OpenAPI schema to show, or the asset files are missing.
    """
    if app.openapi_url is None:
        raise ConfigError("the app was built with openapi_url=None, so the docs pages have no schema to show; "
                          "leave openapi_url at its default '/openapi.json'")
    assets = resources.files("fastapi_offline").joinpath("static")
    missing = [name for name in _ASSET_FILES if not assets.joinpath(name).is_file()]
    if missing:
        raise ConfigError(f"the docs assets {', '.join(missing)} are missing from {assets}; "
                          "reinstall them with `pip install --force-reinstall fastapi-offline`")
    app.mount(ASSETS_URL, StaticFiles(directory=str(assets)), name="docs-assets")
    openapi_url = app.openapi_url
    # The online validator badge would fetch from validator.swagger.io: the one outside request left.
    parameters = {**(app.swagger_ui_parameters or {}), "validatorUrl": None}

    @app.get(docs_url, include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _offline(get_swagger_ui_html(openapi_url=root + openapi_url, title=f"{app.title} - API docs",
                                            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
                                            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
                                            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
                                            oauth2_redirect_url=None, swagger_ui_parameters=parameters))

    @app.get(redoc_url, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _offline(get_redoc_html(openapi_url=root + openapi_url, title=f"{app.title} - API reference",
                                       redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
                                       redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png", with_google_fonts=False))


def _offline(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page
