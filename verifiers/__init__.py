"""Family verifiers: one module per family, each defining verify(data, answer) -> Verdict."""
