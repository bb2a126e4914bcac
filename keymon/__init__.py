"""keymon: a desktop keystore monitor for client-certificate setups."""

__version__ = "0.1.0"
APP_ID = "io.github.keymon.Keymon"
