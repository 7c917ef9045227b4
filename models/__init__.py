"""Jiandang (建档): registry of poor households for village work teams and township clerks."""

__version__ = "0.1.0"
