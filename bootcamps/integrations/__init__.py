"""Adapters that match each RL trainer's reward contract exactly.

``bootcamps.integrations.trl``, ``.verl``, ``.openrlhf`` and ``.prime``; each imports its trainer
library only where it must, so the adapters load without their extras where possible.
"""
