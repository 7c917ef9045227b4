"""Fixtures of the bundle tests: a township with regions, enrolled and provisioned laptops."""

from tests.exports.bundle.sites import laptop, laptop2, quick_scrypt, township

__all__ = ["laptop", "laptop2", "quick_scrypt", "township"]
