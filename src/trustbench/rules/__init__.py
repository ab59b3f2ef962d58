"""Rule packs: schema, loading (``extends``, dated parameters), evaluation, examples."""
