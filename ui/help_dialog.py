"""The built-in help (帮助 → 使用帮助, F1): the daily tasks, in the language of the interface.

The text is HTML in ``resources/help/help_zh.html`` and ``help_en.html``;
menu paths in it are marked ``<span class="menu">`` and words of dialogs
``<span class="ui">`` so that a test can check them against the real menus.
The window is not modal: it can stay open beside the work.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from models.paths import resource_path

STYLE = """
h2 { color: #9f1d1d; }
h3 { color: #9f1d1d; margin-top: 14px; }
.menu { font-weight: bold; color: #1f4e79; }
.ui { font-weight: bold; }
"""


def help_file(lang: str) -> str:
    """The help's HTML file for ``lang`` (Chinese unless English)."""
    return str(resource_path(f"help/help_{'en' if lang == 'en' else 'zh'}.html"))


class HelpDialog(QDialog):
    """The help text with its table of contents; links inside it jump to the sections."""

    _open: HelpDialog | None = None

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("建档使用帮助"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        with open(help_file(lang), encoding="utf-8") as handle:
            self.browser.setHtml(handle.read())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def show_section(self, anchor: str) -> None:
        """Scroll to a section: start, register, measure, procedure, notice, sync, backup, keys."""
        self.browser.scrollToAnchor(anchor)

    def text(self) -> str:
        """The help as plain text (what the user reads)."""
        return self.browser.toPlainText()

    @classmethod
    def ask(cls, parent: QWidget | None, lang: str = "zh", section: str = "") -> HelpDialog:
        """Show the help (raised if it is open already; not modal); returns the window."""
        dialog = cls._open
        if dialog is None or not shiboken6.isValid(dialog) or dialog.lang != lang or not dialog.isVisible():
            dialog = cls(lang, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda _=None: setattr(cls, "_open", None))
            cls._open = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if section:
            dialog.show_section(section)
        return dialog
