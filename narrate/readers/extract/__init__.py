"""Main-content extraction for whole HTML pages (boilerplate removal); see ``main.py``."""
