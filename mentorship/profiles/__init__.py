"""Profiles pages."""
