"""The names of a tenant's keystores (API.md): plain strings, importable without the client.

The window names them at start-up (menus, enabling rules) before any tenant is opened,
so they live apart from :mod:`keymon.core.sapci.api`, which loads the HTTP client.
"""

from __future__ import annotations

SYSTEM, BACKUP, RENEWAL, HISTORY = "system", "backup_admin_system", "KeyRenewal", "KeyHistory"
KEYSTORES = (SYSTEM, BACKUP, RENEWAL)
