"""Widgets of the main window: entry details, the chain viewer."""
