"""Pure renderers: data in, accessible SVG out. No I/O and no framework, so they test in isolation."""
