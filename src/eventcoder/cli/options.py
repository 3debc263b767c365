"""The coder options every coding command shares (``code``, ``ingest``, ``serve``,
``evaluate``, ``benchmark``): one :func:`coder_options` decorator building one CoderConfig."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from eventcoder.config import CoderConfig, ConfigError, en_backends
from eventcoder.language import registry

_FILE = click.Path(exists=True, dir_okay=False)
_NAMES = ("lang", "en_coder", "lexicons", "actors", "agents", "verbs", "knowledge", "config_file")


def _options() -> list[Callable[[Any], Any]]:
    return [
        click.option("--lang", type=click.Choice(registry.languages()), default=None,
                     help="Language of all inputs. Default: a record's own 'lang', else "
                     "detected per article."),
        click.option("--en-coder", type=click.Choice(en_backends()), default=None,
                     help="English sentence coder: the built-in lexicons (default), the "
                     "PETRARCH-2 CAMEO dictionaries (better actor countries, slower start-up) "
                     "or 'parse' (lexicons with roles from the shipped dependency parser: "
                     "more accurate, about 20x slower)."),
        click.option("--lexicon", "lexicons", multiple=True, type=_FILE,
                     help="Extra trigger lexicon TSV file, in the bundled format (repeatable)."),
        click.option("--actors", multiple=True, type=_FILE,
                     help="PETRARCH/TABARI actor dictionary (repeatable)."),
        click.option("--agents", multiple=True, type=_FILE,
                     help="PETRARCH/TABARI agent dictionary (repeatable)."),
        click.option("--verbs", multiple=True, type=_FILE,
                     help="PETRARCH/TABARI verb-pattern dictionary (repeatable)."),
        click.option("--knowledge", multiple=True, type=_FILE,
                     help="Your own actors and places, YAML/CSV or PETRARCH format (repeatable)."),
        click.option("--config", "config_file", type=_FILE, default=None,
                     help="YAML file with these coder options (keys: lang, en_backend, "
                     "lexicons, actors, agents, verbs, knowledge); options given here win."),
    ]  # fmt: skip


def build_config(
    lang: str | None = None,
    en_coder: str | None = None,
    lexicons: tuple[str, ...] = (),
    actors: tuple[str, ...] = (),
    agents: tuple[str, ...] = (),
    verbs: tuple[str, ...] = (),
    knowledge: tuple[str, ...] = (),
    config_file: str | None = None,
) -> CoderConfig:
    """The CoderConfig of the shared options (a YAML file first, then the options on top)."""
    base = CoderConfig.from_yaml(config_file) if config_file else CoderConfig()
    files = {"lexicons": lexicons, "actors": actors, "agents": agents, "verbs": verbs,
             "knowledge": knowledge}  # fmt: skip
    config = base.replace(lang=lang, en_backend=en_coder,
                          **{k: v for k, v in files.items() if v})  # fmt: skip
    return config.validate()


def coder_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared coder options to a click command; it receives ``config: CoderConfig``."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _NAMES}
        try:
            kwargs["config"] = build_config(**values)
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from exc
        return command(*args, **kwargs)

    for option in reversed(_options()):
        wrapper = option(wrapper)
    return wrapper
