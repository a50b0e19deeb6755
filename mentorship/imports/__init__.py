"""The lead's spreadsheet import pages and the invitation page of imported people."""
