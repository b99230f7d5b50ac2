"""Places: the gazetteer and, later, toponym resolution and event location."""
