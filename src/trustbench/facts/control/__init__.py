"""Control concepts, one fact family per jurisdiction, on shared ingredients (``base``,
which also holds the group's votes every jurisdiction reads): EU decisive influence
(``eu``), UK legal and de facto control and material influence (``uk``), German § 37(1) GWB
concentrations (``de``), and the commercial ties that count as influence factors
(``ties``). US HSR control is ``acquirer.controls_target`` (:mod:`trustbench.facts.ownership`).
"""

from trustbench.facts.control import base, de, eu, ties, uk  # noqa: F401  (registers facts)
