"""Setting a module-level constant of the engine to another value, for a sweep, in a worker process.

`from .clinical import NOISE_MULTIPLIER_TREND` binds the name again in every module that imports it, and
`def f(x=MIN_LOGS)` captures it as a default: setting the constant on its own module alone would change
nothing. patch_constant rebinds the name in every loaded tracker.rules module that holds the same object and
in every function default written as that name. A value computed from the constant at import time (say
`LIMIT = 2 * MIN_LOGS`) is not reached; sweep a constant the engine reads at call time.
"""

import ast
import importlib
import inspect
import sys
from types import FunctionType, ModuleType

ENGINE_PACKAGE = "tracker.rules"


def parse_value(text: str):
    """A number, or a Python literal (a tuple of cut-offs, a string)."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def patch_constant(dotted_name: str, value) -> int:
    """Set `dotted_name` (module.CONSTANT) to `value` wherever the engine reads it; returns how many places."""
    module_name, _, name = dotted_name.rpartition(".")
    if not module_name.startswith(ENGINE_PACKAGE):
        raise ValueError(f"{dotted_name}: only constants of {ENGINE_PACKAGE} can be swept")
    home = importlib.import_module(module_name)
    if not hasattr(home, name):
        raise ValueError(f"{dotted_name}: {module_name} has no {name}")
    original = getattr(home, name)
    importlib.import_module(f"{ENGINE_PACKAGE}.engine")  # every rule module is loaded before looking for copies
    places = 0
    for module in [m for key, m in list(sys.modules.items()) if key.startswith(ENGINE_PACKAGE) and m is not None]:
        if getattr(module, name, None) is original:
            setattr(module, name, value)
            places += 1
        places += _patch_defaults(module, name, value)
    return places


def _patch_defaults(module: ModuleType, name: str, value) -> int:
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return 0
    places = 0
    for qualname, node in _functions(tree):
        function = _resolve(module, qualname)
        if not isinstance(function, FunctionType):
            continue
        positional = node.args.posonlyargs + node.args.args
        defaults = list(function.__defaults__ or ())
        for argument, default in zip(
            positional[len(positional) - len(node.args.defaults) :], node.args.defaults, strict=True
        ):
            if isinstance(default, ast.Name) and default.id == name:
                defaults[positional.index(argument) - (len(positional) - len(defaults))] = value
                places += 1
        function.__defaults__ = tuple(defaults) or None
        for argument, default in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True):
            if isinstance(default, ast.Name) and default.id == name:
                function.__kwdefaults__ = {**(function.__kwdefaults__ or {}), argument.arg: value}
                places += 1
    return places


def _functions(tree: ast.Module, prefix: str = ""):
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield f"{prefix}{node.name}", node
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")


def _resolve(module: ModuleType, qualname: str):
    target = module
    for part in qualname.split("."):
        target = inspect.getattr_static(target, part, None)
        if isinstance(target, staticmethod | classmethod):
            target = target.__func__
        if target is None:
            return None
    return target
