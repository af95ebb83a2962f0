"""Features for editing specs: the JSON Schema for editors and the blank spec of `pia new`."""
