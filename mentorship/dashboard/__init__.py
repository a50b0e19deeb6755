"""The programme lead's dashboard: charts, tables and CSV downloads."""
