"""The one domain API the GUI, the CLI and the exports use.

    registry = Registry(open_database(path))
    household_id = registry.create_household({...}, members=[...])

Every method validates first and raises ValidationFailed (with structured
problems, Chinese and English) before writing anything; every write is one
transaction that also writes the change log and audit trail.
"""

from __future__ import annotations

from models.assistance import AssistanceOps
from models.records import RecordReads
from models.regions import RegionOps


class Registry(AssistanceOps, RegionOps, RecordReads):
    """Households, members, causes, incomes, status, helpers, pairings, measures, regions and history."""
