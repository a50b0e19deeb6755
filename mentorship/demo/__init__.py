"""Demo content for the programme and the loader behind `flask demo load`."""
