"""SAP Cloud Integration tenants as keystores: profiles, the HTTP client, the API, mapping.

No Qt here. A tenant is a remote keystore served by the Security Content OData API
(``/api/v1``); keymon reads it into entries that hold no private key.
"""
