"""Steps 3–4: validate a resolved spec against its form (cerberus) and the cross-field rules."""
