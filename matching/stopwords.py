"""English and Serbian stop words, in folded (ASCII, lower case) form."""

from __future__ import annotations

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_SERBIAN_STOP_WORDS_TEXT = """
    a ako al ali bas bez bi bih bila bile bili bilo bio biti bice bude budu ce cemo cete
    ces cu cak da dok do dva duz gde gdje ga god ih im ili iz iza izmedu ja je jedan
    jedna jedne jedni jedno jer jesam jesi jesmo jeste jesu joj jos ju kad kada kako kao
    kod koja koje koji kojih kojim kojima koju kroz li me medu mene meni mi mnogo moj
    moja moje moji moze mozemo mu na nad nakon nam nama nas nasa nase nasi ne nego
    neka neki nekih neko neku nesto ni nije nijedan nikad nisam nisu niti njega njegov
    njegova njegove njemu njen njena njene njih njihov njihova njihove njim njima njoj
    no o od oko on ona one oni ono opet ova ove ovi ovo ovaj pa pak po pod posle pre
    prema preko pri sa sam samo se sebe sebi si smo som sta ste sto su sva sve svi svih
    svoj svoja svoje svoju svom ta tada tako takode taj te tek ti to tu tvoj u uz vam
    vama vas vec vi vise za zar zbog zelim zelimo zeli hocu hocemo imam imamo ima
    imaju treba trebam potrebno potreban potrebna doo ad str szr
"""
SERBIAN_STOP_WORDS: frozenset[str] = frozenset(_SERBIAN_STOP_WORDS_TEXT.split())

# Words every idea uses about itself ("we need", "I want", "looking for"): no topic in them.
_GENERIC_ENGLISH = frozenset(
    "need needs needed want wants wanted looking plan plans planning would like".split()
)
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | SERBIAN_STOP_WORDS | _GENERIC_ENGLISH
