"""The package's version, which is the version of the libjwtmint it is built with."""

__version__ = "0.1.0"
