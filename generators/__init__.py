"""Family generators: one module per family, each defining generate(rng, **params) -> Problem."""
