"""Tests for the graph answer parsers in bootcamps.answers.edges (node sequences and edge lists)."""

import time

import pytest

from bootcamps.answers.edges import parse_edges, parse_node_sequence

NODES = {"A", "B", "C", "D", "L1", "R3", "S", "T"}


@pytest.mark.parametrize(("text", "expected"), [
    ("A-B, C-D", [("A", "B", None), ("C", "D", None)]),
    ("(A, B), (C, D)", [("A", "B", None), ("C", "D", None)]),
    ("[(a,b),(c,d)]", [("A", "B", None), ("C", "D", None)]),
    ("A - B\nC - D.", [("A", "B", None), ("C", "D", None)]),
    ("A-B C-D", [("A", "B", None), ("C", "D", None)]),
    ("A-B and C-D", [("A", "B", None), ("C", "D", None)]),
    ("- A -> B: 3\n- B \u2192 T = 2", [("A", "B", 3), ("B", "T", 2)]),
    ("L1 to R3 (4)", [("L1", "R3", 4)]),
    ("", []),
    ("[]", []),
])
def test_edge_lists_are_read(text, expected):
    assert parse_edges(text, NODES, values="allow") == expected


@pytest.mark.parametrize(("text", "values", "reason"), [
    ("A-B or C-D", "allow", "not a node"),
    ("A-B-C", "allow", "expected edges"),
    ("A-X", "allow", "not a node"),
    ("A-B: 3", "forbid", "without numbers"),
    ("A-B", "require", "expected a number"),
    ("A, B, C", "allow", "expected edges"),
    ("A-B: -3", "allow", "expected edges"),
])
def test_bad_edge_lists_give_a_reason(text, values, reason):
    result = parse_edges(text, NODES, values=values)
    assert isinstance(result, str) and reason in result, result


def test_node_sequences():
    assert parse_node_sequence("A -> b -> C", NODES) == ["A", "B", "C"]
    assert parse_node_sequence("[A, B, C].", NODES) == ["A", "B", "C"]
    assert parse_node_sequence("A \u2192 B\nC", NODES) == ["A", "B", "C"]
    assert "not a node" in parse_node_sequence("A -> B or C", NODES)
    assert "expected" in parse_node_sequence("", NODES)


@pytest.mark.parametrize("junk", ["A-" * 9_000, "(" * 19_000, " " * 19_999 + "A", "A " * 9_999, "a" * 10**6])
def test_parsers_are_fast_on_junk(junk):
    start = time.perf_counter()
    parse_edges(junk, NODES, values="allow")
    parse_node_sequence(junk, NODES)
    assert time.perf_counter() - start < 0.1
