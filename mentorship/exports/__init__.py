"""The lead's export pages: CSV and XLSX downloads, per programme."""
