"""Qt models of keystore data: the entries table and its filter proxy."""

from keymon.gui.models.columns import COLUMNS, Column
from keymon.gui.models.entries_model import (
    ENTRY_ROLE,
    FILTER_TEXT_ROLE,
    SORT_ROLE,
    STATUS_ROLE,
    EntriesModel,
)
from keymon.gui.models.entries_proxy import EntriesProxy
from keymon.gui.models.expiry_refresher import ExpiryRefresher
from keymon.gui.models.rows import Row

__all__ = [
    "COLUMNS",
    "ENTRY_ROLE",
    "FILTER_TEXT_ROLE",
    "SORT_ROLE",
    "STATUS_ROLE",
    "Column",
    "EntriesModel",
    "EntriesProxy",
    "ExpiryRefresher",
    "Row",
]
