"""The page behind an invitation link, where an imported person chooses her password."""
