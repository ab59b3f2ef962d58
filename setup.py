"""Only the shipping of the rule packs is here; everything else is in pyproject.toml.

The built-in packs live at the top level (``rules/``) for their authors and ship inside the
wheel as ``trustbench/packs`` (see ``trustbench.rules.pack.builtin_dir``). They are data,
not Python packages: copying the folder at build time, rather than mapping it as package
``trustbench.packs``, keeps setuptools from warning that every pack folder "would be
ignored" and lets an editable install use a plain ``.pth`` file (the checkout's ``rules/``
is then used in place).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PACKS = Path(__file__).parent / "rules"
SHIPPED = ("*.yaml", "*.md", "*.j2")


class BuildWithPacks(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "trustbench", "packs")
        for pattern in SHIPPED:
            for path in sorted(PACKS.rglob(pattern)):
                dest = target / path.relative_to(PACKS)
                self.mkpath(str(dest.parent))
                self.copy_file(str(path), str(dest))


setup(cmdclass={"build_py": BuildWithPacks})
