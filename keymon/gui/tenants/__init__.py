"""SAP Cloud Integration tenants in the window: connect, open, browse (read-only)."""
