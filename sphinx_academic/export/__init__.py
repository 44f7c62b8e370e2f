"""Publications in other formats: CSL-JSON, Google Scholar (Highwire) tags, schema.org."""
