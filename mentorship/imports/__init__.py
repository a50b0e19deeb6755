"""The lead's spreadsheet import pages."""
