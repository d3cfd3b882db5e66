"""The interface in English and Vietnamese.

The language is ``?lang=en|vi`` (remembered in a cookie), else the cookie, else the best of
``Accept-Language``, else English. Templates call ``t("English text")``; the Vietnamese words are
in ``translations/vi.yaml``, and a text missing there stays in English. Entity labels are not
translated here: pages ask the graph for labels in the chosen language, with English as the
fallback.

>>> translate("Timeline", "vi"), translate("Timeline", "en"), translate("no such text", "vi")
('Dòng thời gian', 'Timeline', 'no such text')
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response

from ..graph import yaml_text

__all__ = ["LANGUAGES", "init_app", "translate", "ui_lang"]

#: the interface languages, with their names in their own language
LANGUAGES = {"en": "English", "vi": "Tiếng Việt"}


@functools.cache
def _catalogue(lang: str) -> dict[str, str]:
    path = Path(__file__).parent / "translations" / f"{lang}.yaml"
    if lang == "en" or not path.is_file():
        return {}
    data = yaml_text.load(path.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def translate(text: str, lang: str) -> str:
    """``text`` (English) in ``lang``, or ``text`` itself where there is no translation."""
    return _catalogue(lang).get(text, text)


COOKIE = "lang"


def ui_lang() -> str:
    """The interface language of the current request (see the module's docstring)."""
    from flask import request

    for asked in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if asked in LANGUAGES:
            return asked
    return request.accept_languages.best_match(list(LANGUAGES)) or "en"


def init_app(app: Flask) -> None:
    """Give every template ``lang``, ``languages``, ``t(text)`` and ``lang_url(code)``, and
    remember a language chosen with ``?lang=`` in a cookie."""
    from flask import request

    @app.context_processor
    def _i18n() -> dict[str, Any]:
        lang = ui_lang()

        def lang_url(code: str) -> str:
            args = request.args.to_dict(flat=False)
            args["lang"] = [code]
            return request.path + "?" + urlencode(args, doseq=True)

        return {"lang": lang, "languages": LANGUAGES, "lang_url": lang_url,
                "t": lambda text: translate(text, lang)}

    @app.after_request
    def _remember(resp: Response) -> Response:
        asked = request.args.get("lang")
        if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
            resp.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=True)
        if resp.mimetype == "text/html":
            resp.headers.add("Vary", "Accept-Language")
            resp.headers.add("Vary", "Cookie")
        return resp
