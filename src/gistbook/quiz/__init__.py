"""quiz stage."""
