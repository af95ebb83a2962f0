"""Features over versions of a spec: 変更箇所 (changes), review diffs, amendments.

They use the pipeline (build.read_spec); the pipeline never uses them."""
