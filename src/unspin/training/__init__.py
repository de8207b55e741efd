"""How unspin's models are trained and evaluated, with the official metrics of each field.

Training needs the `[train]` extra (torch, transformers); evaluation of a shipped model and
the metrics themselves do not.
"""
