"""Errors and validation problems of the domain layer.

Every message exists in Chinese (the UI language) and English. Exceptions are
named as nouns, after sqlite-utils' style.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One validation finding about one field of one record."""

    field: str
    code: str
    message_zh: str
    message_en: str
    severity: str = ERROR
    record: str = ""

    def message(self, language: str = "zh") -> str:
        """The message in the requested language ("zh" or "en")."""
        return self.message_en if language == "en" else self.message_zh

    def as_dict(self) -> dict[str, str]:
        """A plain dict, for JSON output."""
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "record": self.record,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


class JiandangError(Exception):
    """Base of every error the domain layer raises on purpose."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh)
        self.message_zh = message_zh
        self.message_en = message_en

    def message(self, language: str = "zh") -> str:
        """The message in the requested language."""
        return self.message_en if language == "en" else self.message_zh


class DatabaseFileError(JiandangError):
    """The file cannot be used as a Jiandang database (not SQLite, corrupt, foreign)."""


class NewerDatabaseError(JiandangError):
    """The file was written by a newer version of the application."""


class NotFoundError(JiandangError):
    """A record that should exist does not."""


class ValidationFailed(JiandangError):
    """A write was refused because of validation errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.severity == ERROR]
        first = errors[0] if errors else problems[0]
        super().__init__(
            f"保存失败：{first.message_zh}" + (f"（另有 {len(errors) - 1} 处错误）" if len(errors) > 1 else ""),
            f"Not saved: {first.message_en}" + (f" ({len(errors) - 1} more errors)" if len(errors) > 1 else ""),
        )
        self.problems = problems


@dataclass
class Problems:
    """A small collector used by the validators."""

    items: list[Problem] = field(default_factory=list)

    def add(self, field_name: str, code: str, zh: str, en: str, severity: str = ERROR, record: str = "") -> None:
        """Record one problem."""
        self.items.append(Problem(field_name, code, zh, en, severity, record))

    def extend(self, problems: list[Problem]) -> None:
        """Add several problems."""
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        """Only the blocking problems."""
        return [p for p in self.items if p.severity == ERROR]

    def raise_if_errors(self) -> None:
        """Raise ValidationFailed when any problem blocks the write."""
        if self.errors:
            raise ValidationFailed(self.items)
