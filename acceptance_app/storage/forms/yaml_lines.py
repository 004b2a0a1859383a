"""YAML to plain Python data, remembering the line of every value (and of every mapping key) for problems.

PyYAML silently keeps the last of two equal keys; a checklist with a duplicated key is a mistake, so it is
reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    def __init__(self, line: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.line = line
        self.code = code
        self.params = params


@dataclass
class LineMap:
    """JSON path (keys and indexes) -> 1-based line; ``keys`` holds the line of a mapping key itself."""

    values: dict[Path_, int] = field(default_factory=dict)
    keys: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_, key: bool = False) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), 1)


# libyaml's parser when present (several times faster); it reports the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.SafeLoader("")


def _build(node: yaml.Node, path: Path_, lines: LineMap) -> Any:
    lines.values[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _CONSTRUCTOR.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                raise YamlProblem(key_node.start_mark.line + 1, "yaml.duplicate_key", key=key)
            lines.keys[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*path, key), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*path, n), lines) for n, child in enumerate(node.value)]
    return _CONSTRUCTOR.construct_object(node, deep=True)


def load_with_lines(text: str) -> tuple[Any, LineMap]:
    """Parse one YAML document; raises YamlProblem(line, code) for bad YAML or a duplicated key."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, "yaml.syntax", detail=str(error.problem or error.context or "")) from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, "yaml.syntax", detail=str(error)) from None
    lines = LineMap()
    if node is None:
        return None, lines
    try:
        return _build(node, (), lines), lines
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        raise YamlProblem(mark.line + 1 if mark else 1, "yaml.syntax", detail=str(error.problem)) from None
