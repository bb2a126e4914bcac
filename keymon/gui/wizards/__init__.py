"""The PKI wizards: generate a key pair, create a CSR, import a CA reply, sign a CSR.

Each wizard lists its pages in ``PAGES``, checks each page in ``validatePage`` and
changes nothing: Finish leaves a typed result in ``outcome`` that
:mod:`keymon.gui.operations_pki` turns into one undo command (or a file).
"""
