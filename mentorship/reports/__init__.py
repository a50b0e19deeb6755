"""The lead's reports (the dashboard page): charts, tables and CSV downloads."""
