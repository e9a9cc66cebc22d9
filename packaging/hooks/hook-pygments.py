"""PyInstaller hook for Pygments: only the lexers of languages course chapters commonly use.

PyInstaller's own hook takes every lexer, formatter and style (about 5 MB of modules). The
reader colours code with lexers only (its two styles are pre-built CSS in resources/), and
a fence naming a language left out here is shown uncoloured, like any unknown language.
"""

from pygments.lexers._mapping import LEXERS

# Fence names (Pygments aliases) whose lexers the standalone program carries.
LANGUAGES = {
    "python",
    "py",
    "python3",
    "pycon",
    "pytb",
    "ipython",
    "bash",
    "sh",
    "shell",
    "zsh",
    "console",
    "shell-session",
    "powershell",
    "ps1",
    "pwsh",
    "batch",
    "bat",
    "c",
    "cpp",
    "c++",
    "arduino",
    "csharp",
    "c#",
    "java",
    "kotlin",
    "swift",
    "go",
    "rust",
    "rs",
    "r",
    "splus",
    "julia",
    "matlab",
    "octave",
    "javascript",
    "js",
    "typescript",
    "ts",
    "jsx",
    "json",
    "json5",
    "yaml",
    "yml",
    "toml",
    "ini",
    "cfg",
    "xml",
    "html",
    "css",
    "scss",
    "sql",
    "mysql",
    "sqlite3",
    "postgresql",
    "markdown",
    "md",
    "diff",
    "udiff",
    "text",
    "ruby",
    "rb",
    "php",
    "perl",
    "lua",
    "haskell",
    "scala",
    "dart",
    "docker",
    "dockerfile",
    "make",
    "makefile",
    "cmake",
    "nginx",
    "latex",
    "tex",
    "graphql",
    "protobuf",
    "proto",
}

_MODULES = {
    module
    for module, _name, aliases, _files, _mimes in LEXERS.values()
    if LANGUAGES.intersection(aliases)
}
hiddenimports = ["pygments.lexers._mapping", *sorted(_MODULES)]
