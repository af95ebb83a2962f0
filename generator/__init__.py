"""pia: 特定個人情報保護評価書 (My Number privacy impact assessments) from YAML specs."""

__version__ = "0.1.0"
