"""Fixtures for the desktop application's tests (defined in tests/ui/app_fixtures.py)."""

from tests.ui.app_fixtures import answers, demo_db, demo_template, village_registry  # noqa: F401 - fixtures
