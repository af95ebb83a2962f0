"""Step 5: lay a checked spec out on its form as the immutable document model."""
