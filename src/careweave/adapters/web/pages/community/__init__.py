"""The community pages: the link worker's search of the directory and the coordinator's curation."""
