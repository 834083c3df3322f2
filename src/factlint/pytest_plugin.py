"""The factlint pytest plugin: corpus fixtures and rule-example collection."""
