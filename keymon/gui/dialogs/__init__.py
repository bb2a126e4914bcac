"""The dialogs of the main window, one module each. Each returns a typed answer; none
changes a keystore. Import a dialog from its module: each loads when first shown."""
