"""entente: news about international relations turned into an evidence-linked record."""

__version__ = "0.1.0"
