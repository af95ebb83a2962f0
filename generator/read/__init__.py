"""Steps 1–2: read a spec's YAML, resolve its fragments and law citations."""
