"""``pia import``: a published 評価書 read back into a draft spec (run.py), through the form model."""
