"""Actor registry, resolver, coreference and PETRARCH dictionary import."""
