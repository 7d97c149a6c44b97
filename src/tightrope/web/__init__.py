"""The dashboard: static pages and scripts shipped in the package, served by the API (no CDN)."""
