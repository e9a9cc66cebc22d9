"""Common TeX written as Unicode text, so that chapter maths reads without a TeX engine."""

# Greek letters and operators are the point of this module.
# ruff: noqa: RUF001

from __future__ import annotations

import re

_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤",
    "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "equiv": "≡", "sim": "∼",
    "propto": "∝", "infty": "∞", "sum": "∑", "prod": "∏", "int": "∫", "partial": "∂",
    "nabla": "∇", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪",
    "cap": "∩", "forall": "∀", "exists": "∃", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔",
    "mapsto": "↦", "ldots": "…", "cdots": "⋯", "dots": "…", "circ": "∘", "degree": "°",
    "prime": "′", "emptyset": "∅", "neg": "¬", "land": "∧", "lor": "∨", "ast": "∗",
    "star": "⋆", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋",
    "lceil": "⌈", "rceil": "⌉", "quad": " ", "qquad": "  ", "sqrt": "√",
    "log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan",
    "min": "min", "max": "max", "lim": "lim", "mid": "|", "vert": "|", "lvert": "|",
    "rvert": "|", "left": "", "right": "", "displaystyle": "", "big": "", "Big": "",
    "bigg": "", "Bigg": "", ",": " ", ";": " ", ":": " ", "!": "", " ": " ",
    "{": "{", "}": "}", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#", "\\": " ",
}  # fmt: skip
_SUPERSCRIPT = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPT = str.maketrans("0123456789+-=()aeijoruvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₒᵣᵤᵥₓ")
_SUPERSCRIPT_CHARS = frozenset("0123456789+-=()ni")
_SUBSCRIPT_CHARS = frozenset("0123456789+-=()aeijoruvx")
# Commands whose braced argument is kept as it stands (fonts, text, operators).
_KEEP_ARGUMENT = frozenset(
    {"mathrm", "text", "textrm", "textit", "textbf", "mathbf", "mathit", "mathsf", "mathtt",
     "mathcal", "mathbb", "operatorname", "boldsymbol", "bm", "mbox", "hbox"}
)  # fmt: skip
# Accents over their argument, as combining characters after each of its letters.
_ACCENTS = {
    "bar": "\u0304", "overline": "\u0305", "hat": "\u0302", "widehat": "\u0302",
    "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "dot": "\u0307",
    "ddot": "\u0308", "acute": "\u0301", "grave": "\u0300", "check": "\u030c",
    "breve": "\u0306", "underline": "\u0332",
}  # fmt: skip
_COMMAND_RE = re.compile(r"\\([A-Za-z]+|.)")
_SPACES_RE = re.compile(r"\s+")


def _group(tex: str, pos: int) -> tuple[str, int]:
    """The argument starting at `pos` (a braced group or one character) and where it ends."""
    while pos < len(tex) and tex[pos] == " ":
        pos += 1
    if pos >= len(tex):
        return "", pos
    if tex[pos] != "{":
        if tex[pos] == "\\":
            match = _COMMAND_RE.match(tex, pos)
            if match:
                return match.group(0), match.end()
        return tex[pos], pos + 1
    depth, start = 0, pos
    while pos < len(tex):
        char = tex[pos]
        if char == "\\":
            pos += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return tex[start + 1 : pos], pos + 1
        pos += 1
    return tex[start + 1 :], len(tex)


def _script(text: str, table: dict[int, int], chars: frozenset[str], mark: str) -> str:
    if text and all(char in chars for char in text):
        return text.translate(table)
    return f"{mark}({text})" if len(text) > 1 else f"{mark}{text}"


def _wrap(text: str) -> str:
    """A fraction's part, parenthesised only when it is more than one term."""
    return text if re.fullmatch(r"[\w.′]+", text) else f"({text})"


def tex_to_text(tex: str, _depth: int = 0) -> str:
    """Common TeX as Unicode text: Greek letters, operators, fractions, scripts, roots."""
    if _depth > 20:  # arguments nest; past this the source is shown as written
        return tex
    out: list[str] = []
    pos = 0
    while pos < len(tex):
        char = tex[pos]
        if char == "\\":
            match = _COMMAND_RE.match(tex, pos)
            if match is None:
                out.append(char)
                pos += 1
                continue
            name, pos = match.group(1), match.end()
            if name == "frac" or name == "dfrac" or name == "tfrac":
                top, pos = _group(tex, pos)
                bottom, pos = _group(tex, pos)
                top, bottom = tex_to_text(top, _depth + 1), tex_to_text(bottom, _depth + 1)
                out.append(f"{_wrap(top)}/{_wrap(bottom)}")
            elif name == "sqrt":
                arg, pos = _group(tex, pos)
                inner = tex_to_text(arg, _depth + 1)
                out.append(f"√{inner}" if len(inner) == 1 else f"√({inner})")
            elif name in _ACCENTS:
                arg, pos = _group(tex, pos)
                inner = tex_to_text(arg, _depth + 1)
                out.append("".join(c + _ACCENTS[name] if c.isalnum() else c for c in inner))
            elif name in _KEEP_ARGUMENT:
                arg, pos = _group(tex, pos)
                out.append(tex_to_text(arg, _depth + 1) if name.startswith("math") else arg)
            elif name in _SYMBOLS:
                out.append(_SYMBOLS[name])
            else:
                out.append(name)  # an unknown command reads best as its name
        elif char in "^_":
            arg, pos = _group(tex, pos + 1)
            text = tex_to_text(arg, _depth + 1)
            if char == "^":
                out.append(_script(text, _SUPERSCRIPT, _SUPERSCRIPT_CHARS, "^"))
            else:
                out.append(_script(text, _SUBSCRIPT, _SUBSCRIPT_CHARS, "_"))
        elif char in "{}":
            pos += 1
        else:
            out.append(char)
            pos += 1
    return _SPACES_RE.sub(" ", "".join(out)).strip()
