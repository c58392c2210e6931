"""Intake: followed sources (feeds, listing pages), polite fetching and items by URL."""
