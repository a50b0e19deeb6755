"""Text search that ignores case and diacritics: "Cacak" finds "Čačak", "Djurdjevo" "Đurđevo".

`folded(column)` is the column folded in SQL the way `fold_term` folds the search words in Python
(matching.normalize.fold: Cyrillic to Latin, č ć -> c, š -> s, ž -> z, đ and dj -> d). SQLite gets
the Python function itself (registered on each connection as `fold`); PostgreSQL gets the same
mapping through translate() and replace(), which need no extension.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from matching.normalize import fold as fold_term

__all__ = ["contains_folded", "fold_term", "folded", "register_sqlite_fold"]

# Serbian Cyrillic letters written with two Latin letters; the rest map one to one.
_MULTI_LETTER = {"љ": "lj", "њ": "nj", "џ": "dz"}
_ONE_TO_ONE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "d", "е": "e", "ж": "z", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s",
    "č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "d",
    "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "å": "a", "é": "e", "è": "e", "ê": "e",
    "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o",
    "õ": "o", "ø": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y", "ñ": "n",
    "ç": "c", "ł": "l", "ő": "o", "ű": "u", "ă": "a", "ș": "s", "ş": "s", "ț": "t", "ţ": "t",
}  # fmt: skip
# Upper-case letters too: lower() on a database with the C collation leaves them alone.
_SOURCE = "".join(letter.upper() + letter for letter in _ONE_TO_ONE)
_TARGET = "".join(latin + latin for latin in _ONE_TO_ONE.values())


class folded(FunctionElement):  # a lower-case name: it reads as a SQL function in queries
    """`folded(User.name)`: the column's text folded for comparison with `fold_term(words)`."""

    type = sa.String()
    name = "folded"
    inherit_cache = True


@compiles(folded)
def _compile_generic(element: folded, compiler, **kw) -> str:
    return f"fold({compiler.process(element.clauses, **kw)})"


@compiles(folded, "postgresql")
def _compile_postgresql(element: folded, compiler, **kw) -> str:
    text = f"lower({compiler.process(element.clauses, **kw)})"
    for cyrillic, latin in _MULTI_LETTER.items():
        text = f"replace(replace({text}, '{cyrillic.upper()}', '{latin}'), '{cyrillic}', '{latin}')"
    text = f"translate({text}, '{_SOURCE}', '{_TARGET}')"
    return f"replace({text}, 'dj', 'd')"


def _sqlite_fold(value: object) -> str | None:
    return None if value is None else fold_term(str(value))


def register_sqlite_fold(dbapi_connection) -> None:
    dbapi_connection.create_function("fold", 1, _sqlite_fold, deterministic=True)


def contains_folded(words: str, *columns: sa.ColumnElement) -> sa.ColumnElement[bool]:
    """True where any of `columns` contains `words`, ignoring case and diacritics."""
    term = fold_term(words.strip())
    return sa.or_(*(folded(column).contains(term, autoescape=True) for column in columns))
