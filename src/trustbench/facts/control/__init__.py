"""Control concepts, one fact family per jurisdiction, on shared ingredients (``base``):
US HSR control (``us``), EU decisive influence (``eu``), UK legal and de facto control and
material influence (``uk``), German § 37(1) GWB concentrations (``de``), and the commercial
ties that count as influence factors (``ties``).
"""

from trustbench.facts.control import base, de, eu, ties, uk, us  # noqa: F401  (registers facts)
