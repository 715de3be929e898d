"""Errors the domain core raises for bad input; wrappers turn them into user messages."""

from __future__ import annotations

#: What joins the Chinese and the English text of a bilingual message: "中文 / English".
SEPARATOR = " / "
_OPENING = "([{（【《"
_CLOSING = ")]}）】》"


#: Full-width closing marks a "/ " may follow with no space and still separate the
#: Chinese from the English ("…（说明）/ English").
_TIGHT = "）」』】。"


def split_bilingual(message: str) -> tuple[str, str]:
    """``message`` ("中文 / English") as its Chinese and its English text.

    The split is at the first " / " outside brackets: "坐标系不同（A / B）。 / the CRS
    differ" splits after "。", and so does "…（说明）/ English" (no space before the slash
    after a full-width closing mark). A message without that separator is one text, the same
    in both languages. Everything after the separator (lists, lines) belongs to English.
    """
    depth = 0
    for i, char in enumerate(message):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and message.startswith(SEPARATOR, i):
            return message[:i], message[i + len(SEPARATOR) :]
        elif depth == 0 and i and message[i - 1] in _TIGHT and message.startswith("/ ", i):
            return message[:i], message[i + 2 :]  # 「…）/ English」: no space before the slash
    return message, message


class LowlandInputError(ValueError):
    """Input the user must fix (bilingual message says what to fix).

    ``LowlandInputError(zh, en)`` or, as most callers do, ``LowlandInputError("中文 /
    English")`` (split once by :func:`split_bilingual`). ``str(err)`` is the combined
    text either way; ``err.zh`` and ``err.en`` are its two languages.
    """

    def __init__(self, zh: str, en: str | None = None) -> None:
        message = zh if en is None else f"{zh}{SEPARATOR}{en}"
        super().__init__(message)
        self.zh, self.en = split_bilingual(message) if en is None else (zh, en)

    def in_language(self, language: str) -> str:
        """The message in ``language`` ("en" for English, Chinese otherwise)."""
        return self.en if language == "en" else self.zh


class LowlandInternalError(RuntimeError):
    """A defect of the plugin found by a self-check (e.g. conservation: a feature lost);
    the message says so and asks for a report, instead of writing a wrong output."""
